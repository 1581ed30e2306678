using System.Diagnostics;

namespace Orchestration.Sdk.Kubernetes.Tests.Kubectl;

/// <summary>
/// Runs the real kubectl binary against a kubeconfig. A missing kubectl fails the test (it is on every machine of this
/// project and in CI); the failure says so.
/// </summary>
internal sealed class KubectlRunner(string kubeconfig, string cacheDir)
{
    public static string Binary { get; } = Find();

    public async Task<KubectlResult> RunAsync(params string[] args) => await RunWithInputAsync(null, args);

    public async Task<KubectlResult> RunWithInputAsync(string? stdin, params string[] args)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var start = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "--kubeconfig", kubeconfig, "--cache-dir", cacheDir }.Concat(args))
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return new KubectlResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts a long-running kubectl (a watch); the caller reads its output and kills it.</summary>
    public Process Start(params string[] args)
    {
        var start = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--kubeconfig", kubeconfig, "--cache-dir", cacheDir }.Concat(args))
        {
            start.ArgumentList.Add(a);
        }

        return Process.Start(start)!;
    }

    private static string Find()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(p => Path.Combine(p, "kubectl")).FirstOrDefault(File.Exists);
        return path ?? throw new InvalidOperationException("kubectl (v1.32) is not on the PATH; the Kubernetes API tests drive the real binary and need it installed");
    }
}

/// <summary>What one kubectl run printed and returned.</summary>
internal sealed record KubectlResult(int ExitCode, string Stdout, string Stderr)
{
    public KubectlResult Succeeded()
    {
        Assert.True(ExitCode == 0, $"kubectl exited {ExitCode}: {Stderr}{Stdout}");
        return this;
    }
}

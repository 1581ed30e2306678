using System.Diagnostics;

namespace Orchestration.Sdk.Docker.Tests.Support;

/// <summary>The real kubectl binary with one kubeconfig: a command run to its end, or a long-running one (port-forward).</summary>
internal sealed class KubectlProcess(string kubeconfig)
{
    /// <summary>Runs kubectl to its end (at most 60 s) and returns its exit code, stdout and stderr.</summary>
    public async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string? stdin, params string[] arguments)
    {
        using var process = Start(arguments);
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts kubectl and leaves it running; the caller kills it.</summary>
    public Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add("--kubeconfig=" + kubeconfig);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start");
    }
}

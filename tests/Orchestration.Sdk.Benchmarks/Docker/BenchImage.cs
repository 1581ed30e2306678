using Microsoft.Extensions.Logging.Abstractions;
using Orchestration.Sdk.Docker;

namespace Orchestration.Sdk.Benchmarks.Docker;

/// <summary>The benchmark's image: FROM scratch with Debian's static busybox, built through the SDK's image builder.</summary>
internal static class BenchImage
{
    public const string Name = "orchestration-bench/busybox:1";

    /// <summary>Builds the image unless present, and makes sure the pause image exists (neither is measured).</summary>
    public static async Task EnsureAsync(string? endpoint, CancellationToken cancellationToken)
    {
        var options = new DockerRuntimeOptions { AppName = "bench-setup", Endpoint = endpoint, Lifetime = DockerLifetime.RemoveOnShutdown };
        await using var runtime = new DockerContainerRuntime(options, TimeProvider.System, NullLoggerFactory.Instance);
        await runtime.GetInfoAsync(cancellationToken);
        var context = Directory.CreateTempSubdirectory("orchestration-bench-image-");
        try
        {
            var bin = Directory.CreateDirectory(Path.Combine(context.FullName, "bin"));
            File.Copy(options.BusyboxPath, Path.Combine(bin.FullName, "busybox"));
            foreach (var applet in new[] { "sh", "sleep", "httpd", "mkdir", "echo", "cat" })
            {
                File.CreateSymbolicLink(Path.Combine(bin.FullName, applet), "busybox");
            }

            await File.WriteAllTextAsync(Path.Combine(context.FullName, "Dockerfile"), "FROM scratch\nCOPY bin/ /bin/\n", cancellationToken);
            await runtime.ImageBuildClient.BuildAsync(context.FullName, Name, cancellationToken);
        }
        finally
        {
            context.Delete(recursive: true);
        }

        // One sandbox builds the pause image and the JIT warms the sandbox path.
        var sandbox = await runtime.RunPodSandboxAsync(
            new Runtime.PodSandboxRequest { PodUid = Guid.NewGuid().ToString(), PodName = "warm-up", Namespace = "default" }, cancellationToken);
        await runtime.RemovePodSandboxAsync(sandbox.Id, cancellationToken);
    }
}

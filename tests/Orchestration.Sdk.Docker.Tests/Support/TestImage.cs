using Docker.DotNet.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker.Tests.Support;

/// <summary>
/// The tests' image, built once per run through the SDK's <see cref="DockerImageBuildClient"/>: FROM scratch, Debian's
/// static busybox at /bin/busybox with applet links, and /www/index.html for httpd. Also clears networks that
/// earlier, interrupted runs left behind.
/// </summary>
internal static class TestImage
{
    public const string Name = "orchestration-test/busybox:1";
    public const string IndexPage = "hello from orchestration";
    public const string AppPrefix = "dt-";

    private static readonly string[] Applets =
        ["sh", "httpd", "wget", "nc", "sleep", "echo", "cat", "seq", "ls", "true", "false", "kill", "env", "printf", "test", "mkdir", "pwd"];

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task>> Built = new(StringComparer.Ordinal);

    /// <summary>Builds the image once per run on the engine at <paramref name="endpoint"/> (null: the default engine).</summary>
    public static Task EnsureBuiltAsync(string? endpoint = null) =>
        Built.GetOrAdd(endpoint ?? string.Empty, _ => new Lazy<Task>(() => BuildAsync(endpoint))).Value;

    private static async Task BuildAsync(string? endpoint)
    {
        var options = new DockerRuntimeOptions { AppName = "dt-image-builder", Lifetime = DockerLifetime.Persistent, Endpoint = endpoint };
        await using var runtime = new DockerContainerRuntime(options, TimeProvider.System, NullLoggerFactory.Instance);
        await runtime.GetInfoAsync(CancellationToken.None); // fails with the SDK's "engine unreachable at …" message
        await PruneLeftoverNetworksAsync(runtime);
        var context = Directory.CreateTempSubdirectory("orchestration-test-image-");
        try
        {
            var bin = Directory.CreateDirectory(Path.Combine(context.FullName, "rootfs", "bin"));
            File.Copy(options.BusyboxPath, Path.Combine(bin.FullName, "busybox"));
            foreach (var applet in Applets)
            {
                File.CreateSymbolicLink(Path.Combine(bin.FullName, applet), "busybox");
            }

            var www = Directory.CreateDirectory(Path.Combine(context.FullName, "rootfs", "www"));
            await File.WriteAllTextAsync(Path.Combine(www.FullName, "index.html"), IndexPage + "\n");
            Directory.CreateDirectory(Path.Combine(context.FullName, "rootfs", "tmp"));
            await File.WriteAllTextAsync(Path.Combine(context.FullName, "Dockerfile"), "FROM scratch\nCOPY rootfs/ /\nCMD [\"/bin/sh\"]\n");
            await runtime.ImageBuildClient.BuildAsync(context.FullName, Name, CancellationToken.None);
        }
        finally
        {
            context.Delete(recursive: true);
        }
    }

    private static async Task PruneLeftoverNetworksAsync(DockerContainerRuntime runtime)
    {
        var networks = await runtime.Client.Networks.ListNetworksAsync(new NetworksListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [RuntimeLabels.Managed + "=true"] = true },
            },
        });
        foreach (var network in networks.Where(n => n.Labels?.TryGetValue(RuntimeLabels.App, out var app) == true && app.StartsWith(AppPrefix, StringComparison.Ordinal)))
        {
            if (network.Created > DateTime.UtcNow.AddMinutes(-10))
            {
                continue; // Possibly a concurrent run's.
            }

            try
            {
                await runtime.Client.Networks.DeleteNetworkAsync(network.ID);
            }
            catch (global::Docker.DotNet.DockerApiException)
            {
                // Still in use.
            }
        }
    }
}

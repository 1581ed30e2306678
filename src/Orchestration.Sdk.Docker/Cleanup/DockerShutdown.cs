using Docker.DotNet;
using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Docker.Containers;
using Orchestration.Sdk.Docker.Files;
using Orchestration.Sdk.Docker.Sandboxes;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker.Cleanup;

/// <summary>
/// The shutdown path that honours <see cref="DockerRuntimeOptions.Lifetime"/>: under
/// <see cref="DockerLifetime.RemoveOnShutdown"/> it removes the app's containers, sandboxes, file volumes and network on
/// this node; under <see cref="DockerLifetime.Persistent"/> it does nothing.
/// </summary>
internal sealed partial class DockerShutdown(
    DockerConnection engine, DockerContainerApi containers, DockerFiles files, DockerNetwork network, ILogger logger)
{
    private readonly ILogger _logger = logger;

    /// <summary>
    /// Runs the shutdown path. The runtime stays usable (a restarted orchestrator creates what it needs again). Never
    /// throws: failures are logged.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (engine.Options.Lifetime != DockerLifetime.RemoveOnShutdown)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(engine.Options.CallTimeout * 2, engine.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await RemoveEverythingAsync(linked.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ContainerRuntimeException or OperationCanceledException or DockerApiException)
        {
            LogCleanupFailed(engine.Options.AppName, DockerErrors.Describe(e));
        }
        finally
        {
            network.Forget();
        }
    }

    private async Task RemoveEverythingAsync(CancellationToken cancellationToken)
    {
        var selector = new Dictionary<string, string>
        {
            [RuntimeLabels.App] = engine.Options.AppName,
            [RuntimeLabels.Node] = engine.Options.NodeName,
        };
        var listed = await containers.ListAsync(selector, cancellationToken).ConfigureAwait(false);

        // App containers first, then the sandboxes whose namespaces they used.
        foreach (var wave in listed.GroupBy(c => DockerContainerApi.IsSandbox(c.Labels)).OrderBy(g => g.Key))
        {
            await Task.WhenAll(wave.Select(c => engine.Calls.ExecuteAsync("remove container", ct => containers.ForceRemoveAsync(c.ID, ct), cancellationToken)))
                .ConfigureAwait(false);
        }

        await files.RemoveNodeVolumesAsync(cancellationToken).ConfigureAwait(false);
        await network.RemoveAsync(cancellationToken).ConfigureAwait(false);
        LogCleanedUp(listed.Count, engine.Options.AppName);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} container(s) and the network of app {App} (lifetime RemoveOnShutdown)")]
    private partial void LogCleanedUp(int count, string app);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cleaning up the containers of app {App} failed: {Error}")]
    private partial void LogCleanupFailed(string app, string error);
}

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
    DockerConnection engine, DockerContainerApi containers, DockerFiles files, DockerNetwork network, ILogger logger, Volumes.DockerVolumes volumes)
{
    private readonly ILogger _logger = logger;

    /// <summary>
    /// Runs the shutdown path, for at most <see cref="DockerRuntimeOptions.ShutdownTimeout"/>. The runtime stays usable
    /// (a restarted orchestrator creates what it needs again). Never throws: failures are logged.
    /// </summary>
    /// <summary>Whether the last run gave up because the engine did not answer within the shutdown timeout.</summary>
    public bool GaveUp { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        GaveUp = false;
        if (engine.Options.Lifetime != DockerLifetime.RemoveOnShutdown)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(engine.Options.ShutdownTimeout, engine.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await RemoveEverythingAsync(linked.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ContainerRuntimeException or OperationCanceledException or DockerApiException)
        {
            GaveUp = timeout.IsCancellationRequested;
            LogCleanupFailed(engine.Options.AppName, GaveUp ? $"the engine did not answer within {engine.Options.ShutdownTimeout} (ShutdownTimeout)" : DockerErrors.Describe(e));
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
        await volumes.RemoveNodeVolumesAsync(cancellationToken).ConfigureAwait(false);
        if (await network.RemoveAsync(cancellationToken).ConfigureAwait(false))
        {
            LogCleanedUp(listed.Count, engine.Options.AppName);
        }
        else
        {
            LogNetworkKept(listed.Count, engine.Options.AppName, network.Name);
        }
    }

    [LoggerMessage(EventId = 3071, Level = LogLevel.Information, Message = "Removed {Count} container(s) and the network of app {App} (lifetime RemoveOnShutdown)")]
    private partial void LogCleanedUp(int count, string app);

    [LoggerMessage(EventId = 3072, Level = LogLevel.Warning, Message = "Removed {Count} container(s) of app {App} (lifetime RemoveOnShutdown); the network {Network} was kept: the engine refused to remove it (403, still in use)")]
    private partial void LogNetworkKept(int count, string app, string network);

    [LoggerMessage(EventId = 3073, Level = LogLevel.Warning, Message = "Cleaning up the containers of app {App} failed: {Error}")]
    private partial void LogCleanupFailed(string app, string error);
}

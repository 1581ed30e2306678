using Docker.DotNet;
using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker;

/// <summary>The sweep of leftovers of dead sessions, and the shutdown path that honours the lifetime option.</summary>
internal sealed partial class DockerContainerRuntime
{
    private readonly SemaphoreSlim _sweepGate = new(1, 1);
    private volatile bool _swept;
    private int _disposed;

    /// <summary>
    /// Removes the app's containers and sandboxes that were created under <see cref="DockerLifetime.RemoveOnShutdown"/>
    /// by a host process that is gone (it died without its shutdown path). Persistent ones are left for adoption.
    /// </summary>
    /// <returns>How many were removed.</returns>
    internal async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var listed = await _calls.ExecuteAsync(
            "list containers",
            ct => _client.Containers.ListContainersAsync(
                DockerContainerMapper.ListParameters(new Dictionary<string, string> { [RuntimeLabels.App] = _options.AppName }), ct),
            cancellationToken).ConfigureAwait(false);
        var removed = 0;
        foreach (var container in listed)
        {
            var labels = container.Labels ?? new Dictionary<string, string>();
            if (labels.TryGetValue(DockerLabels.Lifetime, out var lifetime)
                && lifetime == nameof(DockerLifetime.RemoveOnShutdown)
                && labels.TryGetValue(DockerLabels.Session, out var session)
                && DockerSession.Parse(session) is { } owner
                && owner.IsDead())
            {
                await _calls.ExecuteAsync("remove container", ct => ForceRemoveAsync(container.ID, ct), cancellationToken).ConfigureAwait(false);
                removed++;
            }
        }

        await SweepFileVolumesAsync(cancellationToken).ConfigureAwait(false);
        if (removed > 0)
        {
            LogSwept(removed, _options.AppName);
        }

        return removed;
    }

    /// <summary>
    /// The orchestrator stopped: under <see cref="DockerLifetime.RemoveOnShutdown"/>, removes the app's containers,
    /// sandboxes and network on this node; under <see cref="DockerLifetime.Persistent"/>, does nothing. The runtime
    /// stays usable (a restarted orchestrator creates what it needs again). Never throws: failures are logged.
    /// </summary>
    internal async Task ShutdownAsync(CancellationToken cancellationToken)
    {
        if (_options.Lifetime != DockerLifetime.RemoveOnShutdown || Volatile.Read(ref _disposed) == 1)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(_options.CallTimeout * 2, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await RemoveEverythingAsync(linked.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ContainerRuntimeException or OperationCanceledException or DockerApiException)
        {
            LogCleanupFailed(_options.AppName, DockerErrors.Describe(e));
        }
        finally
        {
            _networkReady = false;
        }
    }

    /// <summary>Stops following events, runs <see cref="ShutdownAsync"/>, and releases the engine connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref _disposed) == 1)
        {
            return;
        }

        await _shutdown.CancelAsync().ConfigureAwait(false);
        await ShutdownAsync(CancellationToken.None).ConfigureAwait(false);
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _client.Dispose();
        _shutdown.Dispose();
        _networkGate.Dispose();
        _sweepGate.Dispose();
    }

    private async Task EnsureSweptAsync(CancellationToken cancellationToken)
    {
        if (_swept)
        {
            return;
        }

        await _sweepGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_swept)
            {
                await SweepAsync(cancellationToken).ConfigureAwait(false);
                _swept = true;
            }
        }
        finally
        {
            _sweepGate.Release();
        }
    }

    private async Task RemoveEverythingAsync(CancellationToken cancellationToken)
    {
        var selector = new Dictionary<string, string>
        {
            [RuntimeLabels.App] = _options.AppName,
            [RuntimeLabels.Node] = _options.NodeName,
        };
        var listed = await _calls.ExecuteAsync(
            "list containers",
            ct => _client.Containers.ListContainersAsync(DockerContainerMapper.ListParameters(selector), ct),
            cancellationToken).ConfigureAwait(false);

        // App containers first, then the sandboxes whose namespaces they used.
        foreach (var wave in listed.GroupBy(c => IsSandbox(c.Labels)).OrderBy(g => g.Key))
        {
            await Task.WhenAll(wave.Select(c => _calls.ExecuteAsync("remove container", ct => ForceRemoveAsync(c.ID, ct), cancellationToken)))
                .ConfigureAwait(false);
        }

        await RemoveNodeFileVolumesAsync(cancellationToken).ConfigureAwait(false);
        await _calls.ExecuteAsync(
            "remove network",
            async ct =>
            {
                try
                {
                    await _client.Networks.DeleteNetworkAsync(_options.EffectiveNetworkName, ct).ConfigureAwait(false);
                }
                catch (DockerApiException e) when (DockerErrors.IsNotFound(e) || e.StatusCode == System.Net.HttpStatusCode.Forbidden)
                {
                    // Missing, or still used by another host of the app (403 "has active endpoints").
                }
            },
            cancellationToken).ConfigureAwait(false);
        LogCleanedUp(listed.Count, _options.AppName);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Swept {Count} leftover container(s) of dead sessions of app {App}")]
    private partial void LogSwept(int count, string app);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} container(s) and the network of app {App} (lifetime RemoveOnShutdown)")]
    private partial void LogCleanedUp(int count, string app);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cleaning up the containers of app {App} failed: {Error}")]
    private partial void LogCleanupFailed(string app, string error);
}

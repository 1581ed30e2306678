using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Docker.Containers;
using Orchestration.Sdk.Docker.Files;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker.Cleanup;

/// <summary>
/// The sweep of leftovers of dead sessions: containers and sandboxes created under
/// <see cref="DockerLifetime.RemoveOnShutdown"/> by a host process that is gone (it died without its shutdown path), and
/// their file volumes. Persistent ones are left for adoption. Runs once, before the runtime's first use of the engine.
/// </summary>
internal sealed partial class DockerSweep(DockerConnection engine, DockerContainerApi containers, DockerFiles files, ILogger logger, Volumes.DockerVolumes volumes) : IDisposable
{
    private readonly ILogger _logger = logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _swept;

    /// <summary>Sweeps now.</summary>
    /// <returns>How many containers were removed.</returns>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var listed = await containers.ListAsync(new Dictionary<string, string> { [RuntimeLabels.App] = engine.Options.AppName }, cancellationToken)
            .ConfigureAwait(false);
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
                await engine.Calls.ExecuteAsync("remove container", ct => containers.ForceRemoveAsync(container.ID, ct), cancellationToken).ConfigureAwait(false);
                removed++;
            }
        }

        await files.SweepVolumesAsync(cancellationToken).ConfigureAwait(false);
        await volumes.SweepAsync(cancellationToken).ConfigureAwait(false);
        if (removed > 0)
        {
            LogSwept(removed, engine.Options.AppName);
        }

        return removed;
    }

    /// <summary>Sweeps unless this runtime swept already.</summary>
    public async Task EnsureSweptAsync(CancellationToken cancellationToken)
    {
        if (_swept)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
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
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(EventId = 3081, Level = LogLevel.Information, Message = "Swept {Count} leftover container(s) of dead sessions of app {App}")]
    private partial void LogSwept(int count, string app);
}

using Docker.DotNet.Models;

namespace Orchestration.Sdk.Docker;

/// <summary>
/// The node agent's heartbeat on one engine: a <c>/_ping</c> tried once and bounded by
/// <see cref="DockerRuntimeOptions.HealthCheckTimeout"/>, so a silent engine misses its heartbeat in seconds without
/// holding anything else up; the engine's <c>/info</c> (capacity, version), which some engines (Podman) take seconds to
/// answer, is read on the first heartbeat and again every <see cref="InfoRefresh"/>.
/// </summary>
internal sealed class DockerHeartbeat(Containers.DockerConnection engine)
{
    private SystemInfoResponse? _info;
    private DateTimeOffset _infoRead;
    private volatile bool _answering = true;

    /// <summary>False from a failed heartbeat until the next one succeeds (true before the first).</summary>
    public bool IsAnswering => _answering;

    /// <summary>How long the engine's /info answer is reused between pings.</summary>
    public static TimeSpan InfoRefresh { get; } = TimeSpan.FromMinutes(5);

    public async Task<SystemInfoResponse> BeatAsync(CancellationToken cancellationToken)
    {
        try
        {
            var info = await ReadAsync(cancellationToken).ConfigureAwait(false);
            _answering = true;
            return info;
        }
        catch (Orchestration.Sdk.Runtime.ContainerRuntimeException)
        {
            _answering = false;
            throw;
        }
    }

    private async Task<SystemInfoResponse> ReadAsync(CancellationToken cancellationToken)
    {
        var options = engine.Options;
        var health = options.HealthCheckTimeout < options.CallTimeout ? options.HealthCheckTimeout : options.CallTimeout;
        var now = engine.Time.GetUtcNow();
        if (_info is { } info && now - _infoRead < InfoRefresh)
        {
            await engine.Calls.ExecuteAsync(
                    "ping engine",
                    async ct =>
                    {
                        await engine.Client.System.PingAsync(ct).ConfigureAwait(false);
                        return true;
                    },
                    cancellationToken,
                    health,
                    "RuntimeUnavailable",
                    attempts: 1)
                .ConfigureAwait(false);
            return info;
        }

        info = await engine.Calls.ExecuteAsync(
                "get engine info", ct => engine.Client.System.GetSystemInfoAsync(ct), cancellationToken, reason: "RuntimeUnavailable", attempts: 1)
            .ConfigureAwait(false);
        (_info, _infoRead) = (info, now);
        return info;
    }
}

using System.Collections.Concurrent;

namespace Orchestration.Sdk.Docker.Metrics;

/// <summary>
/// The statistics of a multi-engine cluster: the running pod containers of every engine that answers (one that does not
/// leaves its pods out of this reading), each container's statistics read from the engine it was listed on.
/// </summary>
internal sealed class DockerStatsAcrossEngines(IReadOnlyList<IContainerStatsSource> engines) : IContainerStatsSource
{
    private readonly ConcurrentDictionary<string, IContainerStatsSource> _engineOf = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<StatsContainer>> ListRunningPodContainersAsync(CancellationToken cancellationToken)
    {
        var lists = await Task.WhenAll(engines.Select(async engine =>
        {
            try
            {
                return (Engine: engine, Containers: await engine.ListRunningPodContainersAsync(cancellationToken).ConfigureAwait(false));
            }
            catch (Runtime.ContainerRuntimeException)
            {
                return (Engine: engine, Containers: (IReadOnlyList<StatsContainer>)[]);
            }
        })).ConfigureAwait(false);
        _engineOf.Clear();
        foreach (var (engine, containers) in lists)
        {
            foreach (var container in containers)
            {
                _engineOf[container.Id] = engine;
            }
        }

        return [.. lists.SelectMany(l => l.Containers)];
    }

    public Task<DockerStatsSnapshot?> ReadStatsAsync(string containerId, bool oneShot, CancellationToken cancellationToken) =>
        _engineOf.TryGetValue(containerId, out var engine)
            ? engine.ReadStatsAsync(containerId, oneShot, cancellationToken)
            : Task.FromResult<DockerStatsSnapshot?>(null);
}

namespace Orchestration.Sdk.Docker.Metrics;

/// <summary>Where <see cref="DockerPodMetrics"/> finds the pods' containers and reads their statistics (the engine; a fake in tests).</summary>
internal interface IContainerStatsSource
{
    /// <summary>The app's running containers (sandboxes excluded), with the uid of the pod each belongs to.</summary>
    Task<IReadOnlyList<StatsContainer>> ListRunningPodContainersAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Reads one container's statistics. With <paramref name="oneShot"/> the engine answers at once without a
    /// previous CPU sample; without it, it waits for its next sample (about 1 s) and includes the previous one.
    /// </summary>
    /// <returns>The statistics, or null when the container is gone or not running.</returns>
    Task<DockerStatsSnapshot?> ReadStatsAsync(string containerId, bool oneShot, CancellationToken cancellationToken);
}

using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Autoscaling;

/// <summary>
/// Where the autoscaler reads pods' CPU and memory usage: the in-memory runtime's <see cref="InMemoryMetrics"/>, or a
/// runtime's statistics (Docker's engine stats plug in here).
/// </summary>
internal interface IPodMetricsProvider
{
    /// <summary>Reads the usage of the pods; a pod without usage is missing from the result.</summary>
    ValueTask<IReadOnlyDictionary<string, PodUsage>> GetUsageAsync(IReadOnlyList<Pod> pods, CancellationToken cancellationToken);
}

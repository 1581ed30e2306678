using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Autoscaling;

/// <summary>
/// Where the autoscaler reads pods' CPU and memory usage, as the HPA reads the resource metrics API: the in-memory
/// runtime's <see cref="InMemoryMetrics"/> (registered by default), or a runtime's statistics (the Docker runtime reads
/// the engine's container stats). A runtime replaces the default with
/// <c>services.Replace(ServiceDescriptor.Singleton&lt;IPodMetricsProvider, T&gt;())</c>.
/// </summary>
public interface IPodMetricsProvider
{
    /// <summary>
    /// Reads the current usage of <paramref name="pods"/> (one namespace's pods of one scale target). Side-effect free
    /// and safe to call concurrently; two calls in a row may return the same reading. A pod whose usage is not known
    /// (no container running yet, statistics not readable) is missing from the result rather than reported as zero, and
    /// the autoscaler treats it as Kubernetes treats a pod without metrics. An exception skips the autoscaler's decision
    /// for that sync (the deployment is not touched; its ScalingActive condition turns False with reason
    /// FailedGetResourceMetric and the error) and the next sync period reads again.
    /// </summary>
    /// <param name="pods">The pods to read.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The usage of each pod that has one, keyed by pod name.</returns>
    ValueTask<IReadOnlyDictionary<string, PodUsage>> GetUsageAsync(IReadOnlyList<Pod> pods, CancellationToken cancellationToken);
}

using System.Collections.Concurrent;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Autoscaling;

/// <summary>
/// Pod usage for the in-memory runtime: tests set each pod's CPU and memory, and the autoscaler reads them. A pod
/// whose usage was never set has no metrics (Kubernetes' "missing metrics"). Registered as a singleton by
/// <c>AddOrchestration</c>.
/// </summary>
public sealed class InMemoryMetrics : IPodMetricsProvider
{
    private readonly ConcurrentDictionary<(string Namespace, string Pod), PodUsage> _usage = new();

    /// <summary>Sets a pod's usage.</summary>
    /// <param name="pod">The pod's name.</param>
    /// <param name="cpu">CPU in cores ("140m"). <value>The default value is null (unknown).</value></param>
    /// <param name="memory">Memory in bytes ("300Mi"). <value>The default value is null (unknown).</value></param>
    /// <param name="namespace">The pod's namespace. <value>The default value is "default".</value></param>
    public void SetUsage(string pod, Quantity? cpu = null, Quantity? memory = null, string @namespace = "default")
    {
        ArgumentException.ThrowIfNullOrEmpty(pod);
        _usage[(@namespace, pod)] = new PodUsage(cpu, memory);
    }

    /// <summary>Removes a pod's usage, so that its metrics are missing.</summary>
    /// <param name="pod">The pod's name.</param>
    /// <param name="namespace">The pod's namespace. <value>The default value is "default".</value></param>
    public void Clear(string pod, string @namespace = "default") => _usage.TryRemove((@namespace, pod), out _);

    /// <summary>A pod's usage, or null.</summary>
    /// <param name="pod">The pod's name.</param>
    /// <param name="namespace">The pod's namespace. <value>The default value is "default".</value></param>
    public PodUsage? GetUsage(string pod, string @namespace = "default") => _usage.GetValueOrDefault((@namespace, pod));

    ValueTask<IReadOnlyDictionary<string, PodUsage>> IPodMetricsProvider.GetUsageAsync(IReadOnlyList<Pod> pods, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pods);
        var result = new Dictionary<string, PodUsage>(StringComparer.Ordinal);
        foreach (var pod in pods)
        {
            if (_usage.TryGetValue((pod.Metadata.Namespace, pod.Metadata.Name), out var usage))
            {
                result[pod.Metadata.Name] = usage;
            }
        }

        return ValueTask.FromResult<IReadOnlyDictionary<string, PodUsage>>(result);
    }
}

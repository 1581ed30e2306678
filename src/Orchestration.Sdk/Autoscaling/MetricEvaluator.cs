using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Autoscaling;

/// <summary>
/// Reads each metric of an autoscaler (resource usage from the <see cref="IPodMetricsProvider"/>, custom metrics
/// from the named <see cref="IMetricSource"/>) and turns it into a recommendation with <see cref="ReplicaCalculator"/>.
/// A failure of one metric is returned as a result, never thrown.
/// </summary>
internal sealed class MetricEvaluator(IPodMetricsProvider podMetrics, IEnumerable<IMetricSource> sources)
{
    private readonly Dictionary<string, IMetricSource> _sources = sources
        .GroupBy(s => s.Name, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    public async Task<MetricResult> EvaluateAsync(
        MetricSpec metric, HorizontalPodAutoscaler hpa, Deployment deployment, IReadOnlyList<Pod> pods, int current, Tolerance tolerance, CancellationToken ct)
    {
        try
        {
            var recommendation = metric.Type == MetricSourceType.Resource
                ? await ResourceAsync(metric, pods, current, tolerance, ct).ConfigureAwait(false)
                : await CustomAsync(metric, hpa, deployment, pods, current, tolerance, ct).ConfigureAwait(false);
            return new MetricResult(metric, recommendation);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A metric source's failure skips the decision and is reported; it must not stop the controller.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var reason = metric.Type == MetricSourceType.Resource ? "FailedGetResourceMetric" : "FailedGetCustomMetric";
            var what = metric.Type == MetricSourceType.Resource ? $"{metric.Name} resource metric value" : $"{metric.Name} custom metric value";
            var detail = ex is ReplicaCalculationException ? ex.Message : $"unable to get metric {metric.Name}: {ex.Message}";
            return new MetricResult(metric, null, reason, $"failed to get {what}: {detail}");
        }
    }

    private async Task<MetricRecommendation> ResourceAsync(MetricSpec metric, IReadOnlyList<Pod> pods, int current, Tolerance tolerance, CancellationToken ct)
    {
        if (pods.Count == 0)
        {
            throw new ReplicaCalculationException("no pods returned by selector while calculating replica count");
        }

        var cpu = metric.Name == MetricSpec.Cpu;
        IReadOnlyDictionary<string, PodUsage> usage;
        try
        {
            usage = await podMetrics.GetUsageAsync(pods, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new ReplicaCalculationException($"unable to get metrics for resource {metric.Name}: {ex.Message}", ex);
        }

        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (pod, u) in usage)
        {
            if ((cpu ? u.Cpu : u.Memory) is { } q)
            {
                values[pod] = q.Value;
            }
        }

        if (metric.Target.Type == MetricTargetType.AverageValue)
        {
            return ReplicaCalculator.AverageValue(current, pods, values, metric.Target.AverageValue!.Value.Value, tolerance);
        }

        return ReplicaCalculator.Utilization(current, pods, values, Requests(pods, metric.Name), metric.Target.AverageUtilization!.Value, cpu, tolerance);
    }

    private async Task<MetricRecommendation> CustomAsync(
        MetricSpec metric, HorizontalPodAutoscaler hpa, Deployment deployment, IReadOnlyList<Pod> pods, int current, Tolerance tolerance, CancellationToken ct)
    {
        if (!_sources.TryGetValue(metric.Name, out var source))
        {
            throw new ReplicaCalculationException($"no metric source named \"{metric.Name}\" is registered");
        }

        var live = pods.Where(p => p.Metadata.DeletionTimestamp is null).ToList();
        var sample = await source.GetAsync(new MetricContext(hpa, deployment, live), ct).ConfigureAwait(false)
            ?? throw new ReplicaCalculationException($"unable to get metric {metric.Name}: the source returned no sample");
        if (sample.Total is { } total)
        {
            return metric.Target.Type == MetricTargetType.Value
                ? ReplicaCalculator.TotalValue(current, pods, total, metric.Target.Value!.Value.Value, tolerance)
                : ReplicaCalculator.TotalPerPod(current, total, metric.Target.AverageValue!.Value.Value, tolerance);
        }

        if (metric.Target.Type == MetricTargetType.Value)
        {
            return ReplicaCalculator.TotalValue(current, pods, sample.PerPod!.Values.Sum(), metric.Target.Value!.Value.Value, tolerance);
        }

        if (pods.Count == 0)
        {
            throw new ReplicaCalculationException("no pods returned by selector while calculating replica count");
        }

        return ReplicaCalculator.AverageValue(current, pods, sample.PerPod!, metric.Target.AverageValue!.Value.Value, tolerance);
    }

    /// <summary>Each pod's request of the resource (sum over containers); Kubernetes refuses utilization when a container has none.</summary>
    private static Dictionary<string, decimal> Requests(IReadOnlyList<Pod> pods, string resource)
    {
        var requests = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var pod in pods)
        {
            decimal sum = 0;
            foreach (var c in pod.Spec.Containers)
            {
                var requested = resource == MetricSpec.Cpu ? c.Resources.EffectiveRequests.Cpu : c.Resources.EffectiveRequests.Memory;
                sum += requested?.Value ?? throw new ReplicaCalculationException($"missing request for {resource} in container {c.Name} of Pod {pod.Metadata.Name}");
            }

            requests[pod.Metadata.Name] = sum;
        }

        return requests;
    }
}

using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Autoscaling;

/// <summary>
/// Kubernetes' replica calculator (pkg/controller/podautoscaler/replica_calculator.go), as pure functions:
/// desired = ceil(usageRatio × pods), where usageRatio = observed / target, unless the ratio is within the tolerance.
/// Terminating and Failed pods are left out. Pending pods, and for CPU pods not Ready, are "unready": left out of the
/// average, then counted at 0 when the result is a scale-up. Pods without metrics are "missing": counted at 0 on a
/// scale-up and at 100 % of their request (or at the target, for value targets) on a scale-down, and left out when the
/// ratio is exactly 1.0. When that rebalancing
/// flips the direction, or brings the ratio within the tolerance, the current count stays.
/// </summary>
internal static class ReplicaCalculator
{
    /// <summary>Average utilization of a resource as a percentage of the pods' requests.</summary>
    public static MetricRecommendation Utilization(
        int currentReplicas, IReadOnlyList<Pod> pods, IReadOnlyDictionary<string, decimal> usage, IReadOnlyDictionary<string, decimal> requests,
        int targetUtilization, bool cpu, Tolerance tolerance)
    {
        var (readyCount, unready, missing, metrics) = Group(pods, usage, cpu);
        if (metrics.Count == 0)
        {
            throw new ReplicaCalculationException("did not receive metrics for any ready pods");
        }

        var (ratio, utilization) = UtilizationRatio(metrics, requests, targetUtilization);
        var average = metrics.Values.Sum() / metrics.Count;
        var rebalanceUnready = unready.Count > 0 && ratio > 1.0;
        if (!rebalanceUnready && missing.Count == 0)
        {
            return new(tolerance.IsWithin(ratio) ? currentReplicas : Ceiling(ratio * readyCount), average, utilization);
        }

        Rebalance(metrics, missing, unready, rebalanceUnready, ratio, pod => requests.GetValueOrDefault(pod));
        var (newRatio, _) = UtilizationRatio(metrics, requests, targetUtilization);
        return new(Settle(currentReplicas, ratio, newRatio, metrics.Count, tolerance), average, utilization);
    }

    /// <summary>A plain average value per pod (memory bytes, a custom metric per pod).</summary>
    public static MetricRecommendation AverageValue(
        int currentReplicas, IReadOnlyList<Pod> pods, IReadOnlyDictionary<string, decimal> values, decimal target, Tolerance tolerance)
    {
        var (readyCount, unready, missing, metrics) = Group(pods, values, cpu: false);
        if (metrics.Count == 0)
        {
            throw new ReplicaCalculationException("did not receive metrics for any ready pods");
        }

        var average = metrics.Values.Sum() / metrics.Count;
        var ratio = (double)(average / target);
        var rebalanceUnready = unready.Count > 0 && ratio > 1.0;
        if (!rebalanceUnready && missing.Count == 0)
        {
            return new(tolerance.IsWithin(ratio) ? currentReplicas : Ceiling(ratio * readyCount), average);
        }

        Rebalance(metrics, missing, unready, rebalanceUnready, ratio, _ => target);
        var newRatio = (double)(metrics.Values.Sum() / metrics.Count / target);
        return new(Settle(currentReplicas, ratio, newRatio, metrics.Count, tolerance), average);
    }

    /// <summary>A total compared with a total target (Kubernetes' Object metric): ratio × ready pods.</summary>
    public static MetricRecommendation TotalValue(int currentReplicas, IReadOnlyList<Pod> pods, decimal total, decimal target, Tolerance tolerance)
    {
        var ratio = (double)(total / target);
        if (currentReplicas == 0)
        {
            return new(Ceiling(ratio), total);
        }

        if (tolerance.IsWithin(ratio))
        {
            return new(currentReplicas, total);
        }

        var ready = pods.Count(p => !p.IsTerminating() && p.Status.Phase == PodPhase.Running && p.Status.IsReady);
        return new(Ceiling(ratio * ready), total);
    }

    /// <summary>A total compared with a target per pod (Kubernetes' External metric with an AverageValue target): ceil(total / target).</summary>
    public static MetricRecommendation TotalPerPod(int currentReplicas, decimal total, decimal targetPerPod, Tolerance tolerance)
    {
        var replicas = currentReplicas;
        if (currentReplicas == 0 || !tolerance.IsWithin((double)(total / (targetPerPod * currentReplicas))))
        {
            replicas = Ceiling((double)(total / targetPerPod));
        }

        return currentReplicas == 0 ? new(replicas, total, IsTotal: true) : new(replicas, total / currentReplicas);
    }

    private static (int ReadyCount, List<string> Unready, List<string> Missing, Dictionary<string, decimal> Metrics) Group(
        IReadOnlyList<Pod> pods, IReadOnlyDictionary<string, decimal> values, bool cpu)
    {
        var unready = new List<string>();
        var missing = new List<string>();
        var metrics = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var ready = 0;
        foreach (var pod in pods)
        {
            var name = pod.Metadata.Name;
            if (pod.IsTerminating() || pod.Status.Phase == PodPhase.Failed || pod.Status.Phase == PodPhase.Succeeded)
            {
                continue;
            }

            if (pod.Status.Phase == PodPhase.Pending)
            {
                unready.Add(name);
                continue;
            }

            if (!values.TryGetValue(name, out var value))
            {
                missing.Add(name);
                continue;
            }

            if (cpu && !pod.Status.IsReady)
            {
                unready.Add(name);
                continue;
            }

            metrics[name] = value;
            ready++;
        }

        return (ready, unready, missing, metrics);
    }

    private static void Rebalance(
        Dictionary<string, decimal> metrics, List<string> missing, List<string> unready, bool rebalanceUnready, double ratio, Func<string, decimal> full)
    {
        // As Kubernetes: missing pods are filled in only when the ratio points one way; at exactly 1.0 they stay out.
        if (ratio != 1.0)
        {
            foreach (var pod in missing)
            {
                metrics[pod] = ratio < 1.0 ? full(pod) : 0m;
            }
        }

        if (rebalanceUnready)
        {
            foreach (var pod in unready)
            {
                metrics[pod] = 0m;
            }
        }
    }

    private static int Settle(int currentReplicas, double ratio, double newRatio, int counted, Tolerance tolerance)
    {
        if (tolerance.IsWithin(newRatio) || (ratio < 1.0 && newRatio > 1.0) || (ratio > 1.0 && newRatio < 1.0))
        {
            return currentReplicas;
        }

        var replicas = Ceiling(newRatio * counted);
        return (newRatio < 1.0 && replicas > currentReplicas) || (newRatio > 1.0 && replicas < currentReplicas) ? currentReplicas : replicas;
    }

    private static (double Ratio, int Utilization) UtilizationRatio(
        Dictionary<string, decimal> metrics, IReadOnlyDictionary<string, decimal> requests, int targetUtilization)
    {
        decimal used = 0, requested = 0;
        foreach (var (pod, value) in metrics)
        {
            if (!requests.TryGetValue(pod, out var request))
            {
                continue;
            }

            used += value;
            requested += request;
        }

        if (requested == 0)
        {
            throw new ReplicaCalculationException("no metrics returned matched known pods");
        }

        var utilization = (int)decimal.Truncate(used * 100 / requested);
        return ((double)utilization / targetUtilization, utilization);
    }

    private static int Ceiling(double value) => value >= int.MaxValue ? int.MaxValue : (int)Math.Ceiling(value);
}

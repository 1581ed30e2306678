namespace Orchestration.Sdk.Autoscaling;

/// <summary>What one metric recommends: a replica count, with the observed value (and utilization) for status and reasons.</summary>
/// <param name="Replicas">The recommended replica count.</param>
/// <param name="Value">The observed average per pod, or the total for total targets.</param>
/// <param name="Utilization">The average utilization in percent of requests, for utilization targets.</param>
/// <param name="IsTotal">Whether <paramref name="Value"/> is a total although the target is per pod (there were no pods to divide by).</param>
internal readonly record struct MetricRecommendation(int Replicas, decimal Value, int? Utilization = null, bool IsTotal = false);

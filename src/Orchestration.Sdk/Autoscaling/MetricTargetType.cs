namespace Orchestration.Sdk.Autoscaling;

/// <summary>How a metric is compared with its target, as autoscaling/v2's MetricTargetType.</summary>
public enum MetricTargetType
{
    /// <summary>The average over the pods as a percentage of their requests (CPU and memory only).</summary>
    Utilization,

    /// <summary>The average value per pod.</summary>
    AverageValue,

    /// <summary>The total value (custom metrics only), compared with the target as Kubernetes' Object metrics.</summary>
    Value,
}

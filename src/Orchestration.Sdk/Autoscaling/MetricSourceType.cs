namespace Orchestration.Sdk.Autoscaling;

/// <summary>Where a metric comes from.</summary>
public enum MetricSourceType
{
    /// <summary>CPU or memory usage of the pods, from the runtime (Kubernetes' Resource metrics).</summary>
    Resource,

    /// <summary>A value the host application supplies through an <see cref="IMetricSource"/> of the same name.</summary>
    Custom,
}

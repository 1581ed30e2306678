using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Autoscaling;

/// <summary>The desired state of a <see cref="HorizontalPodAutoscaler"/>.</summary>
public sealed record HorizontalPodAutoscalerSpec
{
    /// <summary>The name of the Deployment (same namespace) whose replica count is scaled.</summary>
    public required string ScaleTargetName { get; init; }

    /// <summary>
    /// The lower bound of the replica count. 0 (scale to zero) is allowed only when a custom metric is declared, as
    /// Kubernetes' HPAScaleToZero allows it only with Object or External metrics. <value>The default value is 1.</value>
    /// </summary>
    public int MinReplicas { get; init; } = 1;

    /// <summary>The upper bound of the replica count; must be at least 1 and at least <see cref="MinReplicas"/>.</summary>
    public required int MaxReplicas { get; init; }

    /// <summary>The metrics whose targets the autoscaler keeps; the largest recommendation wins. At least one is required.</summary>
    public IReadOnlyList<MetricSpec> Metrics { get; init => field = ValueCollections.List(value); } = ValueList<MetricSpec>.Empty;

    /// <summary>How fast and after what stabilization the replica count may change. <value>The default value is Kubernetes' default behavior.</value></summary>
    public HorizontalPodAutoscalerBehavior Behavior { get; init; } = new();
}

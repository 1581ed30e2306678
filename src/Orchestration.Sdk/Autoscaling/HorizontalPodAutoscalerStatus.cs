using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Autoscaling;

/// <summary>What the autoscaler controller observed and decided.</summary>
public sealed record HorizontalPodAutoscalerStatus
{
    /// <summary>The generation the controller last acted on.</summary>
    public long ObservedGeneration { get; init; }

    /// <summary>When the controller last changed the replica count. <value>The default value is null (never).</value></summary>
    public DateTimeOffset? LastScaleTime { get; init; }

    /// <summary>The target's replica count at the last sync.</summary>
    public int CurrentReplicas { get; init; }

    /// <summary>The replica count the controller last decided on.</summary>
    public int DesiredReplicas { get; init; }

    /// <summary>The metrics as last observed.</summary>
    public IReadOnlyList<MetricStatus> CurrentMetrics { get; init => field = ValueCollections.List(value); } = ValueList<MetricStatus>.Empty;

    /// <summary>Conditions AbleToScale, ScalingActive and ScalingLimited, with Kubernetes' reasons and messages.</summary>
    public IReadOnlyList<Condition> Conditions { get; init => field = ValueCollections.List(value); } = ValueList<Condition>.Empty;

    /// <summary>Why the replica count last changed ("scaled web from 3 to 6: cpu 140% of target 70%"). <value>The default value is null.</value></summary>
    public string? LastScaleReason { get; init; }
}

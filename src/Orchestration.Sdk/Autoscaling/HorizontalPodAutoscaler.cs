using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Autoscaling;

/// <summary>
/// Scales a Deployment between a minimum and a maximum number of replicas so that its metrics stay near their targets,
/// with Kubernetes' algorithm (autoscaling/v2): desired = ceil(current × metric / target), a 0.1 tolerance, a sync
/// every 15 s, and the default scale-up/scale-down behavior. While it exists it owns the deployment's replica count.
/// </summary>
public sealed record HorizontalPodAutoscaler : Resource
{
    /// <summary>The kind name.</summary>
    public const string KindName = "HorizontalPodAutoscaler";

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <summary>The desired state.</summary>
    public required HorizontalPodAutoscalerSpec Spec { get; init; }

    /// <summary>The observed state, written by the autoscaler controller.</summary>
    public HorizontalPodAutoscalerStatus Status { get; init; } = new();

    internal override object? SpecObject => Spec;

    internal override object? StatusObject => Status;

    internal override Resource WithStatusOf(Resource other) => this with { Status = ((HorizontalPodAutoscaler)other).Status };
}

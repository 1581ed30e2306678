namespace Orchestration.Sdk.Autoscaling;

/// <summary>The scale-up and scale-down rules of an autoscaler, as Kubernetes' HorizontalPodAutoscalerBehavior.</summary>
public sealed record HorizontalPodAutoscalerBehavior
{
    /// <summary>Rules for scaling up. <value>The default value is <see cref="ScalingRules.DefaultScaleUp"/>.</value></summary>
    public ScalingRules ScaleUp { get; init; } = ScalingRules.DefaultScaleUp;

    /// <summary>Rules for scaling down. <value>The default value is <see cref="ScalingRules.DefaultScaleDown"/>.</value></summary>
    public ScalingRules ScaleDown { get; init; } = ScalingRules.DefaultScaleDown;
}

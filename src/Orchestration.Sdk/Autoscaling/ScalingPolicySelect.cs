namespace Orchestration.Sdk.Autoscaling;

/// <summary>Which of several policies applies, as Kubernetes' ScalingPolicySelect.</summary>
public enum ScalingPolicySelect
{
    /// <summary>The policy allowing the largest change (Kubernetes' default).</summary>
    Max,

    /// <summary>The policy allowing the smallest change.</summary>
    Min,

    /// <summary>Scaling in this direction is disabled.</summary>
    Disabled,
}

namespace Orchestration.Sdk.Autoscaling;

/// <summary>The condition types of an autoscaler's status, as Kubernetes' HorizontalPodAutoscalerConditionType.</summary>
public static class AutoscalerConditions
{
    /// <summary>Whether the autoscaler can read and update the target's scale (and whether a backoff applies).</summary>
    public const string AbleToScale = "AbleToScale";

    /// <summary>Whether the autoscaler could compute a replica count from its metrics; False skips the decision.</summary>
    public const string ScalingActive = "ScalingActive";

    /// <summary>Whether the desired count was limited by min/max or the rate-limit policies.</summary>
    public const string ScalingLimited = "ScalingLimited";
}

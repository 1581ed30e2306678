namespace Orchestration.Sdk.Autoscaling;

/// <summary>How a scaling policy's value limits a change.</summary>
public enum ScalingPolicyType
{
    /// <summary>An absolute number of pods per period.</summary>
    Pods,

    /// <summary>A percentage of the replicas at the start of the period.</summary>
    Percent,
}

namespace Orchestration.Sdk.Autoscaling;

/// <summary>A limit on how much the replica count may change within a period.</summary>
/// <param name="Type">Pods or percent.</param>
/// <param name="Value">The number of pods or the percentage; greater than zero.</param>
/// <param name="PeriodSeconds">The period the limit applies to, 1 to 1800 seconds.</param>
public sealed record ScalingPolicy(ScalingPolicyType Type, int Value, int PeriodSeconds);

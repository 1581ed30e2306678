using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Autoscaling;

/// <summary>The behavior of one direction (up or down), as Kubernetes' HPAScalingRules.</summary>
public sealed record ScalingRules
{
    /// <summary>
    /// Seconds of past recommendations considered: scaling down uses the highest recommendation of the window, scaling
    /// up the lowest; 0 to 3600. <value>The default value is null: 0 for scale-up and 300 for scale-down, as Kubernetes.</value>
    /// </summary>
    public int? StabilizationWindowSeconds { get; init; }

    /// <summary>Which policy applies when there are several. <value>The default value is <see cref="ScalingPolicySelect.Max"/>.</value></summary>
    public ScalingPolicySelect SelectPolicy { get; init; } = ScalingPolicySelect.Max;

    /// <summary>
    /// The rate limits. <value>The default value is empty, meaning Kubernetes' defaults of the direction: up max(4 pods,
    /// 100 %) per 15 s; down 100 % per 15 s.</value>
    /// </summary>
    public IReadOnlyList<ScalingPolicy> Policies { get; init => field = ValueCollections.List(value); } = ValueList<ScalingPolicy>.Empty;

    /// <summary>
    /// How far the metric ratio may be from 1 before this direction scales (Kubernetes 1.33's per-direction tolerance).
    /// <value>The default value is 0.1.</value>
    /// </summary>
    public double Tolerance { get; init; } = 0.1;

    /// <summary>Kubernetes' default scale-up rules: no stabilization, at most max(4 pods, 100 %) per 15 s.</summary>
    public static ScalingRules DefaultScaleUp { get; } = new()
    {
        StabilizationWindowSeconds = 0,
        Policies = [new ScalingPolicy(ScalingPolicyType.Pods, 4, 15), new ScalingPolicy(ScalingPolicyType.Percent, 100, 15)],
    };

    /// <summary>Kubernetes' default scale-down rules: a 300 s stabilization window, at most 100 % per 15 s.</summary>
    public static ScalingRules DefaultScaleDown { get; } = new()
    {
        StabilizationWindowSeconds = 300,
        Policies = [new ScalingPolicy(ScalingPolicyType.Percent, 100, 15)],
    };
}

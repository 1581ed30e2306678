namespace Orchestration.Sdk.StatefulSets;

/// <summary>A StatefulSet's update strategy.</summary>
public sealed record StatefulSetUpdateStrategy
{
    /// <summary>The strategy. <value>The default value is <see cref="StatefulSetUpdateStrategyType.RollingUpdate"/>.</value></summary>
    public StatefulSetUpdateStrategyType Type { get; init; } = StatefulSetUpdateStrategyType.RollingUpdate;

    /// <summary>
    /// For RollingUpdate: pods with an ordinal below it keep the current revision (a staged, canary rollout).
    /// <value>The default value is 0 (every pod is updated).</value>
    /// </summary>
    public int Partition { get; init; }
}

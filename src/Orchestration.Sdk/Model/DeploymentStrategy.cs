namespace Orchestration.Sdk.Model;

/// <summary>A Deployment's update strategy.</summary>
public sealed record DeploymentStrategy
{
    /// <summary>The strategy. <value>The default value is <see cref="DeploymentStrategyType.RollingUpdate"/>.</value></summary>
    public DeploymentStrategyType Type { get; init; } = DeploymentStrategyType.RollingUpdate;

    /// <summary>Pods above the desired count during a rolling update; percentages round up.
    /// <value>The default value is "25%".</value></summary>
    public IntOrPercent MaxSurge { get; init; } = IntOrPercent.FromPercent(25);

    /// <summary>Pods below the desired count that may be unavailable during a rolling update; percentages round down.
    /// <value>The default value is "25%".</value></summary>
    public IntOrPercent MaxUnavailable { get; init; } = IntOrPercent.FromPercent(25);
}

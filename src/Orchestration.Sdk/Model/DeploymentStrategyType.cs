namespace Orchestration.Sdk.Model;

/// <summary>How a Deployment replaces old pods with new ones.</summary>
public enum DeploymentStrategyType
{
    /// <summary>Replace pods gradually within maxSurge / maxUnavailable (the default).</summary>
    RollingUpdate,

    /// <summary>Remove every old pod before creating new ones (downtime; for apps that cannot run two versions at once).</summary>
    Recreate,
}

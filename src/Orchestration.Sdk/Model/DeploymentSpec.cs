namespace Orchestration.Sdk.Model;

/// <summary>The desired state of a Deployment.</summary>
public sealed record DeploymentSpec
{
    /// <summary>How many pods. <value>The default value is 1.</value></summary>
    public int Replicas { get; init; } = 1;

    /// <summary>Which pods belong to the deployment; must match the template's labels.</summary>
    public LabelSelector Selector { get; init; } = new();

    /// <summary>The pods to create.</summary>
    public PodTemplateSpec Template { get; init; } = new();

    /// <summary>How many old ReplicaSets to keep for rollback. <value>The default value is 10.</value></summary>
    public int RevisionHistoryLimit { get; init; } = 10;
}

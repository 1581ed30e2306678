namespace Orchestration.Sdk.Model;

/// <summary>The desired state of a ReplicaSet.</summary>
public sealed record ReplicaSetSpec
{
    /// <summary>How many pods. <value>The default value is 1.</value></summary>
    public int Replicas { get; init; } = 1;

    /// <summary>Which pods belong to it.</summary>
    public LabelSelector Selector { get; init; } = new();

    /// <summary>Seconds a pod must be Ready before it counts as available. <value>The default value is 0.</value></summary>
    public int MinReadySeconds { get; init; }

    /// <summary>The pods to create.</summary>
    public PodTemplateSpec Template { get; init; } = new();
}

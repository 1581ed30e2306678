namespace Orchestration.Sdk.Model;

/// <summary>The observed state of a ReplicaSet.</summary>
public sealed record ReplicaSetStatus
{
    /// <summary>Pods owned and not terminating.</summary>
    public int Replicas { get; init; }

    /// <summary>Owned pods that are Ready.</summary>
    public int ReadyReplicas { get; init; }

    /// <summary>Owned pods that are available.</summary>
    public int AvailableReplicas { get; init; }

    /// <summary>The generation last acted on.</summary>
    public long ObservedGeneration { get; init; }
}

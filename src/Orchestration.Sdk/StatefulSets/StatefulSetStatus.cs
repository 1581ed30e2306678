namespace Orchestration.Sdk.StatefulSets;

/// <summary>What the StatefulSet controller observed.</summary>
public sealed record StatefulSetStatus
{
    /// <summary>The generation the status describes. <value>The default value is 0.</value></summary>
    public long ObservedGeneration { get; init; }

    /// <summary>Pods the set owns (not terminating). <value>The default value is 0.</value></summary>
    public int Replicas { get; init; }

    /// <summary>Pods with a Ready condition. <value>The default value is 0.</value></summary>
    public int ReadyReplicas { get; init; }

    /// <summary>Ready pods (the set has no minReadySeconds, so every Ready pod is available). <value>The default value is 0.</value></summary>
    public int AvailableReplicas { get; init; }

    /// <summary>Pods of <see cref="CurrentRevision"/>. <value>The default value is 0.</value></summary>
    public int CurrentReplicas { get; init; }

    /// <summary>Pods of <see cref="UpdateRevision"/>. <value>The default value is 0.</value></summary>
    public int UpdatedReplicas { get; init; }

    /// <summary>The revision (<c>&lt;set&gt;-&lt;template hash&gt;</c>) of the pods below the partition. <value>The default value is null.</value></summary>
    public string? CurrentRevision { get; init; }

    /// <summary>The revision of the current template. <value>The default value is null.</value></summary>
    public string? UpdateRevision { get; init; }
}

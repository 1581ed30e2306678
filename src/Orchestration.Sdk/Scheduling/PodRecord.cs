namespace Orchestration.Sdk.Scheduling;

/// <summary>The scheduler's view of one pod (by uid): its latest version, where it is counted, and its queue state.</summary>
internal sealed class PodRecord(string uid)
{
    public string Uid { get; } = uid;

    /// <summary>The latest version seen (from the watch or from the scheduler's own writes) with its precomputed requests.</summary>
    public PodInfo Info { get; set; } = null!;

    /// <summary>The store version of <see cref="Info"/>; watch events at or below it are stale and ignored.</summary>
    public long ResourceVersion { get; set; }

    /// <summary>The node the pod's requests are counted on: the node it is bound to, or being bound to (assumed).</summary>
    public NodeInfo? Node { get; set; }

    /// <summary>What was added to <see cref="Node"/>, so exactly that is subtracted later.</summary>
    public PodInfo? Counted { get; set; }

    /// <summary>Set once the pod is deleted; queue entries of a removed record are skipped.</summary>
    public bool Removed { get; set; }

    /// <summary>Whether the record has a live entry in the active queue.</summary>
    public bool InActiveQueue { get; set; }

    /// <summary>When the pod was last found to fit nowhere; null unless it is parked among the unschedulable pods.</summary>
    public DateTimeOffset? UnschedulableSince { get; set; }

    /// <summary>Whether some node rejected the pod for resources only, so that deleting a bound pod may make it fit.</summary>
    public bool RejectedByResources { get; set; }

    /// <summary>Orders parked pods so that those moved back to the active queue keep their first-in, first-out order.</summary>
    public long Sequence { get; set; }

    /// <summary>Unbound, not being deleted, and not being bound: the scheduler should place it.</summary>
    public bool IsPending => !Removed && Node is null && Info.Pod.Spec.NodeName is null && Info.Pod.Metadata.DeletionTimestamp is null;

    /// <inheritdoc />
    public override string ToString() => Info?.ToString() ?? Uid;
}

namespace Orchestration.Sdk.Scheduling;

/// <summary>What a <see cref="SchedulerEvent"/> carries.</summary>
internal enum SchedulerEventKind
{
    /// <summary>A watch event of a pod or node.</summary>
    Change,

    /// <summary>A fresh list of all pods or all nodes (at start, and after a watch expired).</summary>
    Relisted,

    /// <summary>The periodic tick that retries pods that have been unschedulable for long enough.</summary>
    Flush,
}

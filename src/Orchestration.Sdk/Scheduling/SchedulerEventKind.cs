namespace Orchestration.Sdk.Scheduling;

/// <summary>What a <see cref="SchedulerEvent"/> carries.</summary>
internal enum SchedulerEventKind
{
    /// <summary>An informer's change of a pod or node.</summary>
    Change,

    /// <summary>The scheduler's handler has been told of the informer's whole first list of pods or nodes.</summary>
    Synced,

    /// <summary>The periodic tick that retries pods that have been unschedulable for long enough.</summary>
    Flush,
}

namespace Orchestration.Sdk.Runtime;

/// <summary>Container event types.</summary>
public enum ContainerEventType
{
    /// <summary>The container started.</summary>
    Started,

    /// <summary>The container exited (crashed, finished, or was killed).</summary>
    Exited,

    /// <summary>The container was removed.</summary>
    Removed,

    /// <summary>The event stream was interrupted and re-established: relist, events may have been missed.</summary>
    Resync,
}

namespace Orchestration.Sdk.Store;

/// <summary>What happened to an object, as Kubernetes' watch event types.</summary>
public enum WatchEventType
{
    /// <summary>The object was created.</summary>
    Added,

    /// <summary>The object was changed.</summary>
    Modified,

    /// <summary>The object was deleted; the event carries its last state.</summary>
    Deleted,

    /// <summary>
    /// The watch cannot continue: it asked to resume from a version older than the store keeps, or it fell too far
    /// behind. Nothing was silently dropped: list again and watch from the list's version. The watch ends after this event.
    /// </summary>
    Expired,
}

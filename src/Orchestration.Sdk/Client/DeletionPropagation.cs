namespace Orchestration.Sdk.Client;

/// <summary>What happens to an object's dependents (objects whose owner references name it) when it is deleted, as Kubernetes' propagationPolicy.</summary>
public enum DeletionPropagation
{
    /// <summary>The object goes at once; the garbage collector then deletes its dependents. The default.</summary>
    Background,

    /// <summary>
    /// The object gets a deletion timestamp and the <see cref="Model.WellKnownFinalizers.ForegroundDeletion"/> finalizer;
    /// the garbage collector deletes its dependents (their own dependents first) and removes the object once every
    /// dependent with a controller reference to it is gone.
    /// </summary>
    Foreground,

    /// <summary>The object goes at once; its dependents stay, with the owner reference to it removed.</summary>
    Orphan,
}

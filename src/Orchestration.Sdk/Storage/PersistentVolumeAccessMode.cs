namespace Orchestration.Sdk.Storage;

/// <summary>How a volume may be mounted, as Kubernetes' access modes. A local volume is reachable from its node only, so every mode means "pods on that node".</summary>
public enum PersistentVolumeAccessMode
{
    /// <summary>Read-write by the pods of one node.</summary>
    ReadWriteOnce,

    /// <summary>Read-only by many pods.</summary>
    ReadOnlyMany,

    /// <summary>Read-write by many pods.</summary>
    ReadWriteMany,

    /// <summary>Read-write by one pod only; cannot be combined with another mode.</summary>
    ReadWriteOncePod,
}

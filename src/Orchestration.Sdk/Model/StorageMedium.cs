namespace Orchestration.Sdk.Model;

/// <summary>What backs an emptyDir volume (Kubernetes' StorageMedium).</summary>
public enum StorageMedium
{
    /// <summary>The node's default storage: a disk ("" in Kubernetes).</summary>
    Default,

    /// <summary>Memory: a tmpfs ("Memory").</summary>
    Memory,
}

namespace Orchestration.Sdk.Model;

/// <summary>
/// An empty directory created when the pod starts on a node, shared by its containers, kept across container restarts
/// and removed with the pod (Kubernetes' emptyDir).
/// </summary>
public sealed record EmptyDirVolumeSource
{
    /// <summary>
    /// Where the directory lives: the node's disk, or memory (a tmpfs, whose content counts against the container's
    /// memory). <value>The default value is <see cref="StorageMedium.Default"/> (disk).</value>
    /// </summary>
    public StorageMedium Medium { get; init; } = StorageMedium.Default;

    /// <summary>
    /// The most the directory may hold. For <see cref="StorageMedium.Memory"/> it is the tmpfs size.
    /// <value>The default value is null (no limit; a memory volume then gets the runtime's tmpfs default).</value>
    /// </summary>
    public Quantity? SizeLimit { get; init; }
}

using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Storage;

/// <summary>What a claim asks for. Immutable after creation, but for <see cref="VolumeName"/>, which the provisioner sets once.</summary>
public sealed record PersistentVolumeClaimSpec
{
    /// <summary>How the volume may be mounted; at least one, and ReadWriteOncePod alone. <value>The default value is empty (required).</value></summary>
    public IReadOnlyList<PersistentVolumeAccessMode> AccessModes { get; init => field = ValueCollections.List(value); } = ValueList<PersistentVolumeAccessMode>.Empty;

    /// <summary>
    /// The storage requested (<c>resources.requests.storage</c>), greater than zero. A local volume is not capped at it
    /// (as Kubernetes' local and hostPath provisioners do not); it is the capacity the claim reports.
    /// </summary>
    public Quantity? StorageRequest { get; init; }

    /// <summary>The storage class. <value>The default value is null (the local provisioner, the only one).</value></summary>
    public string? StorageClassName { get; init; }

    /// <summary>
    /// What happens to the data when the claim is deleted. Kubernetes keeps this on the PersistentVolume (from its
    /// StorageClass); the SDK has no PersistentVolume kind, so the claim carries it (on the wire, the annotation
    /// <c>orchestration.io/reclaim-policy</c>). <value>The default value is <see cref="PersistentVolumeReclaimPolicy.Retain"/>:
    /// data outlives the claim until removed by hand.</value>
    /// </summary>
    public PersistentVolumeReclaimPolicy ReclaimPolicy { get; init; } = PersistentVolumeReclaimPolicy.Retain;

    /// <summary>The volume the claim is bound to; set by the provisioner. <value>The default value is null (unbound).</value></summary>
    public string? VolumeName { get; init; }
}

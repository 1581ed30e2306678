using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Storage;

/// <summary>
/// A request for storage (Kubernetes' core/v1 PersistentVolumeClaim). The local provisioner binds it to a volume on one
/// node: a Docker named volume labelled with the app and the claim on Docker, a per-node store in memory. It binds when
/// the first pod using it is scheduled (the WaitForFirstConsumer binding mode of Kubernetes' local volumes): the
/// scheduler records the node in <see cref="SelectedNodeAnnotation"/>, and from then on every pod using the claim is
/// placed on that node. Deleting the claim keeps or removes the data as <see cref="PersistentVolumeClaimSpec.ReclaimPolicy"/> says.
/// </summary>
public sealed record PersistentVolumeClaim : Resource
{
    /// <summary>The kind name.</summary>
    public const string KindName = "PersistentVolumeClaim";

    /// <summary>The annotation in which the scheduler records the node the claim's volume is provisioned on, as Kubernetes' volume binder.</summary>
    public const string SelectedNodeAnnotation = "volume.kubernetes.io/selected-node";

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <summary>The desired state.</summary>
    public required PersistentVolumeClaimSpec Spec { get; init; }

    /// <summary>The observed state.</summary>
    public PersistentVolumeClaimStatus Status { get; init; } = new();

    /// <summary>The node the claim's volume is on, or null before the first pod using it was scheduled.</summary>
    public string? SelectedNode => Metadata.Annotations.GetValueOrDefault(SelectedNodeAnnotation);

    internal override object? SpecObject => Spec;

    internal override object? StatusObject => Status;

    internal override Resource WithStatusOf(Resource other) => this with { Status = ((PersistentVolumeClaim)other).Status };
}

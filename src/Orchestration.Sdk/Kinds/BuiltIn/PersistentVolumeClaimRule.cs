using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Storage;

namespace Orchestration.Sdk.Kinds.BuiltIn;

/// <summary>PersistentVolumeClaims (core/v1), as kubernetes pkg/registry/core/persistentvolumeclaim/strategy.go.</summary>
internal sealed class PersistentVolumeClaimRule : BuiltInRule<PersistentVolumeClaim>
{
    public override string Kind => PersistentVolumeClaim.KindName;

    public override string Plural => "persistentvolumeclaims";

    public override IReadOnlyList<string> ShortNames { get; } = ["pvc"];

    public override bool GarbageCollected => true;

    public override IReadOnlyList<TableColumn> PrintColumns { get; } =
    [
        TableColumn.NameColumn,
        Column("Status", "string", "Phase of the claim.", c => c.Metadata.DeletionTimestamp is null ? c.Status.Phase.ToString() : "Terminating"),
        Column("Volume", "string", "Name of the volume the claim is bound to.", c => c.Spec.VolumeName ?? string.Empty),
        Column("Capacity", "string", "Capacity of the bound volume.", c => c.Status.Capacity?.ToString() ?? string.Empty),
        Column("Access Modes", "string", "Access modes of the bound volume.", c => AccessModes.Short(c.Status.AccessModes)),
        Column("StorageClass", "string", "Storage class of the claim.", c => c.Spec.StorageClassName ?? string.Empty),
        TableColumn.AgeColumn,
    ];

    public override IReadOnlyList<ValidationError> ValidateUpdate(PersistentVolumeClaim next, PersistentVolumeClaim current)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(current);
        var errors = new List<ValidationError>(ValidateCreate(next));
        PersistentVolumeClaimValidator.ValidateUpdate(next, current, FieldPath.Of(next).Child("spec"), errors);
        return errors;
    }

    protected override void Validate(PersistentVolumeClaim obj, FieldPath root, bool checkNamespace, List<ValidationError> errors)
    {
        MetadataValidator.Validate(obj.Metadata, root.Child("metadata"), NameRules.Dns1123Subdomain, checkNamespace, errors);
        PersistentVolumeClaimValidator.ValidateSpec(obj.Spec, root.Child("spec"), errors);
    }
}

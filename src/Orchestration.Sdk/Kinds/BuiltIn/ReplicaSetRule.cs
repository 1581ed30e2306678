using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Kinds.BuiltIn;

/// <summary>ReplicaSets (apps/v1), as kubernetes pkg/registry/apps/replicaset/strategy.go.</summary>
internal sealed class ReplicaSetRule : BuiltInRule<ReplicaSet>
{
    public override string Kind => ReplicaSet.KindName;

    public override string Plural => "replicasets";

    public override IReadOnlyList<string> ShortNames { get; } = ["rs"];

    public override string Group => "apps";

    public override bool GarbageCollected => true;

    public override IReadOnlyList<TableColumn> PrintColumns { get; } =
    [
        TableColumn.NameColumn,
        Column("Desired", "integer", "Number of desired pods.", r => r.Spec.Replicas),
        Column("Current", "integer", "Number of actual pods.", r => r.Status.Replicas),
        Column("Ready", "integer", "Number of ready pods.", r => r.Status.ReadyReplicas),
        TableColumn.AgeColumn,
    ];

    public override IReadOnlyList<ValidationError> ValidateStatusUpdate(ReplicaSet next, ReplicaSet current)
    {
        ArgumentNullException.ThrowIfNull(next);
        var errors = new List<ValidationError>();
        var s = next.Status;
        WorkloadSpecValidator.ValidateCounters(FieldPath.Of(next).Child("status"), errors, ("replicas", s.Replicas), ("readyReplicas", s.ReadyReplicas),
            ("availableReplicas", s.AvailableReplicas), ("observedGeneration", s.ObservedGeneration));
        return errors;
    }

    protected override void Validate(ReplicaSet obj, FieldPath root, bool checkNamespace, List<ValidationError> errors)
    {
        MetadataValidator.Validate(obj.Metadata, root.Child("metadata"), NameRules.Dns1123Subdomain, checkNamespace, errors);
        WorkloadSpecValidator.Validate(obj.Spec.Replicas, obj.Spec.Selector, obj.Spec.Template, root.Child("spec"), errors);
    }
}

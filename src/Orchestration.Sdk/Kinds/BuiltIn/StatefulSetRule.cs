using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.StatefulSets;

namespace Orchestration.Sdk.Kinds.BuiltIn;

/// <summary>StatefulSets (apps/v1), as kubernetes pkg/registry/apps/statefulset/strategy.go.</summary>
internal sealed class StatefulSetRule : BuiltInRule<StatefulSet>
{
    public override string Kind => StatefulSet.KindName;

    public override string Plural => "statefulsets";

    public override IReadOnlyList<string> ShortNames { get; } = ["sts"];

    public override string Group => "apps";

    public override bool GarbageCollected => true;

    public override IReadOnlyList<TableColumn> PrintColumns { get; } =
    [
        TableColumn.NameColumn,
        Column("Ready", "string", "Number of the pod with ready state", s => Cells.Ratio(s.Status.ReadyReplicas, s.Spec.Replicas)),
        TableColumn.AgeColumn,
    ];

    public override IReadOnlyList<ValidationError> ValidateUpdate(StatefulSet next, StatefulSet current)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(current);
        var errors = new List<ValidationError>(ValidateCreate(next));
        StatefulSetValidator.ValidateUpdate(next, current, FieldPath.Of(next), errors);
        return errors;
    }

    public override IReadOnlyList<ValidationError> ValidateStatusUpdate(StatefulSet next, StatefulSet current)
    {
        ArgumentNullException.ThrowIfNull(next);
        var errors = new List<ValidationError>();
        var s = next.Status;
        WorkloadSpecValidator.ValidateCounters(FieldPath.Of(next).Child("status"), errors, ("observedGeneration", s.ObservedGeneration), ("replicas", s.Replicas),
            ("readyReplicas", s.ReadyReplicas), ("availableReplicas", s.AvailableReplicas), ("currentReplicas", s.CurrentReplicas), ("updatedReplicas", s.UpdatedReplicas));
        return errors;
    }

    protected override void Validate(StatefulSet obj, FieldPath root, bool checkNamespace, List<ValidationError> errors)
    {
        MetadataValidator.Validate(obj.Metadata, root.Child("metadata"), NameRules.Dns1123Subdomain, checkNamespace, errors);
        StatefulSetValidator.Validate(obj, root, errors);
    }
}

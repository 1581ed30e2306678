using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Kinds.BuiltIn;

/// <summary>Deployments (apps/v1), as kubernetes pkg/registry/apps/deployment/strategy.go.</summary>
internal sealed class DeploymentRule : BuiltInRule<Deployment>
{
    public override string Kind => Deployment.KindName;

    public override string Plural => "deployments";

    public override IReadOnlyList<string> ShortNames { get; } = ["deploy"];

    public override string Group => "apps";

    public override bool GarbageCollected => true;

    public override IReadOnlyList<TableColumn> PrintColumns { get; } =
    [
        TableColumn.NameColumn,
        Column("Ready", "string", "Number of the pod with ready state", d => Cells.Ratio(d.Status.ReadyReplicas, d.Spec.Replicas)),
        Column("Up-to-date", "integer", "Total number of non-terminated pods targeted by this deployment that have the desired template spec.", d => d.Status.UpdatedReplicas),
        Column("Available", "integer", "Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.", d => d.Status.AvailableReplicas),
        TableColumn.AgeColumn,
    ];

    public override IReadOnlyList<ValidationError> ValidateStatusUpdate(Deployment next, Deployment current)
    {
        ArgumentNullException.ThrowIfNull(next);
        var errors = new List<ValidationError>();
        var s = next.Status;
        WorkloadSpecValidator.ValidateCounters(FieldPath.Of(next).Child("status"), errors, ("observedGeneration", s.ObservedGeneration), ("replicas", s.Replicas),
            ("updatedReplicas", s.UpdatedReplicas), ("readyReplicas", s.ReadyReplicas), ("availableReplicas", s.AvailableReplicas));
        return errors;
    }

    protected override void Validate(Deployment obj, FieldPath root, bool checkNamespace, List<ValidationError> errors)
    {
        MetadataValidator.Validate(obj.Metadata, root.Child("metadata"), NameRules.Dns1123Subdomain, checkNamespace, errors);
        var spec = root.Child("spec");
        WorkloadSpecValidator.Validate(obj.Spec.Replicas, obj.Spec.Selector, obj.Spec.Template, spec, errors);
        MetadataValidator.ValidateNonNegative(obj.Spec.RevisionHistoryLimit, spec.Child("revisionHistoryLimit"), errors);
        DeploymentStrategyValidator.Validate(obj.Spec, spec, errors);
    }
}

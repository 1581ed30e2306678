using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Kinds.BuiltIn;

/// <summary>Pods (core/v1), as kubernetes pkg/registry/core/pod/strategy.go.</summary>
internal sealed class PodRule : BuiltInRule<Pod>
{
    public override string Kind => Pod.KindName;

    public override string Plural => "pods";

    public override IReadOnlyList<string> ShortNames { get; } = ["po"];

    public override bool GarbageCollected => true;

    public override IReadOnlyList<TableColumn> PrintColumns { get; } =
    [
        TableColumn.NameColumn,
        Column("Ready", "string", "The aggregate readiness state of this pod for accepting traffic.", p => Cells.Ratio(p.Status.ContainerStatuses.Count(c => c.Ready), p.Spec.Containers.Count)),
        Column("Status", "string", "The aggregate status of the containers in this pod.", PodDisplayStatus.Of),
        Column("Restarts", "string", "The number of times the containers in this pod have been restarted.", p => p.Status.RestartCount),
        TableColumn.AgeColumn,
        Column("IP", "string", "podIP address allocated to the pod.", p => p.Status.PodIP ?? Cells.None, priority: 1),
        Column("Node", "string", "NodeName is a request to schedule this pod onto a specific node.", p => p.Spec.NodeName ?? Cells.None, priority: 1),
    ];

    /// <summary>
    /// A pod's spec changes only by binding it to a node (the scheduler) once it was validated on create, so an
    /// update that changes nothing else re-validates only what it changes.
    /// </summary>
    public override IReadOnlyList<ValidationError> ValidateUpdate(Pod next, Pod current)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(current);
        var sameSpec = ReferenceEquals(next.Spec, current.Spec) || next.Spec == current.Spec with { NodeName = next.Spec.NodeName };
        var sameMeta = next.Metadata.Name == current.Metadata.Name &&
            Equals(next.Metadata.Labels, current.Metadata.Labels) && Equals(next.Metadata.Annotations, current.Metadata.Annotations);
        return sameSpec && sameMeta ? [] : ValidateCreate(next);
    }

    protected override void Validate(Pod obj, FieldPath root, bool checkNamespace, List<ValidationError> errors)
    {
        MetadataValidator.Validate(obj.Metadata, root.Child("metadata"), NameRules.Dns1123Subdomain, checkNamespace, errors);
        PodSpecValidator.Validate(obj.Spec, root.Child("spec"), errors);
    }
}

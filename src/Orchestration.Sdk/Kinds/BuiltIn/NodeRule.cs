using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Kinds.BuiltIn;

/// <summary>Nodes (core/v1, cluster-scoped), as kubernetes pkg/registry/core/node/strategy.go.</summary>
internal sealed class NodeRule : BuiltInRule<Node>
{
    private const string RolePrefix = "node-role.kubernetes.io/";

    public override string Kind => Node.KindName;

    public override string Plural => "nodes";

    public override IReadOnlyList<string> ShortNames { get; } = ["no"];

    public override bool Namespaced => false;

    public override IReadOnlyList<TableColumn> PrintColumns { get; } =
    [
        TableColumn.NameColumn,
        Column("Status", "string", "The status of the node", StatusOf),
        Column("Roles", "string", "The roles of the node", RolesOf),
        TableColumn.AgeColumn,
        Column("Version", "string", "Kubelet Version reported by the node.", _ => string.Empty),
    ];

    protected override void Validate(Node obj, FieldPath root, bool checkNamespace, List<ValidationError> errors)
    {
        MetadataValidator.Validate(obj.Metadata, root.Child("metadata"), NameRules.Dns1123Subdomain, validateNamespace: false, errors);
        NodeValidator.Validate(obj, root, errors);
    }

    private static string StatusOf(Node node)
    {
        var ready = node.Status.Conditions.Find(NodeConditionType.Ready);
        var status = ready is null || ready.Status == ConditionStatus.Unknown ? "Unknown" : ready.IsTrue ? "Ready" : "NotReady";
        return node.Spec.Unschedulable ? status + ",SchedulingDisabled" : status;
    }

    private static string RolesOf(Node node)
    {
        var roles = node.Metadata.Labels
            .Select(l => l.Key.StartsWith(RolePrefix, StringComparison.Ordinal) ? l.Key[RolePrefix.Length..] : l.Key == "kubernetes.io/role" ? l.Value : null)
            .OfType<string>().Where(r => r.Length > 0).Order(StringComparer.Ordinal).ToList();
        return roles.Count == 0 ? Cells.None : string.Join(',', roles);
    }
}

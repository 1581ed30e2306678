using System.Globalization;
using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Networking;

namespace Orchestration.Sdk.Kinds.BuiltIn;

/// <summary>Services (core/v1), as kubernetes pkg/registry/core/service/strategy.go.</summary>
internal sealed class ServiceRule : BuiltInRule<Service>
{
    public override string Kind => Service.KindName;

    public override string Plural => "services";

    public override IReadOnlyList<string> ShortNames { get; } = ["svc"];

    public override bool GarbageCollected => true;

    public override IReadOnlyList<TableColumn> PrintColumns { get; } =
    [
        TableColumn.NameColumn,
        Column("Type", "string", "The type of the service.", s => s.Spec.Type.ToString()),
        Column("Cluster-IP", "string", "The IP address of the service, assigned by the cluster.", s => s.Spec.ClusterIP ?? Cells.None),
        Column("External-IP", "string", "The list of IP addresses for which nodes in the cluster will also accept traffic for this service.", _ => Cells.None),
        Column("Port(s)", "string", "The list of ports that are exposed by this service.", PortsOf),
        TableColumn.AgeColumn,
    ];

    /// <summary>Keeps what was allocated (the cluster IP, node ports) when the update does not carry it, as well as the status.</summary>
    public override Service PrepareForUpdate(Service next, Service current) =>
        ServiceApply.KeepAllocated(base.PrepareForUpdate(next, current), current);

    protected override void Validate(Service obj, FieldPath root, bool checkNamespace, List<ValidationError> errors) =>
        ServiceValidator.Validate(obj, root, checkNamespace, errors);

    private static string PortsOf(Service service) =>
        service.Spec.Ports.Count == 0
            ? Cells.None
            : string.Join(',', service.Spec.Ports.Select(p => p.NodePort is { } node
                ? string.Create(CultureInfo.InvariantCulture, $"{p.Port}:{node}/{p.Protocol}")
                : string.Create(CultureInfo.InvariantCulture, $"{p.Port}/{p.Protocol}")));
}

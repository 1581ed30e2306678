using System.Globalization;
using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Networking;

namespace Orchestration.Sdk.Kinds.BuiltIn;

/// <summary>Endpoints (core/v1): written by the endpoints controller; no status.</summary>
internal sealed class EndpointsRule : BuiltInRule<Endpoints>
{
    public override string Kind => Endpoints.KindName;

    public override string Plural => "endpoints";

    public override string Singular => "endpoints";

    public override IReadOnlyList<string> ShortNames { get; } = ["ep"];

    public override bool HasStatus => false;

    public override IReadOnlyList<TableColumn> PrintColumns { get; } =
    [
        TableColumn.NameColumn,
        Column("Endpoints", "string", "Endpoints of the service", e => Cells.Joined([.. e.Addresses.SelectMany(AddressesOf)])),
        TableColumn.AgeColumn,
    ];

    protected override void Validate(Endpoints obj, FieldPath root, bool checkNamespace, List<ValidationError> errors) =>
        MetadataValidator.Validate(obj.Metadata, root.Child("metadata"), NameRules.Dns1123Subdomain, checkNamespace, errors);

    private static IEnumerable<string> AddressesOf(EndpointAddress address) =>
        address.Ports.Count == 0
            ? [address.IP]
            : address.Ports.Select(p => string.Create(CultureInfo.InvariantCulture, $"{address.IP}:{p.Port}"));
}

using Orchestration.Sdk.Configuration;
using Orchestration.Sdk.Declaration;

namespace Orchestration.Sdk.Kinds.BuiltIn;

/// <summary>ConfigMaps (core/v1): data only, no status.</summary>
internal sealed class ConfigMapRule : BuiltInRule<ConfigMap>
{
    public override string Kind => ConfigMap.KindName;

    public override string Plural => "configmaps";

    public override IReadOnlyList<string> ShortNames { get; } = ["cm"];

    public override bool HasStatus => false;

    public override bool GarbageCollected => true;

    public override IReadOnlyList<TableColumn> PrintColumns { get; } =
    [
        TableColumn.NameColumn,
        Column("Data", "integer", "Number of data entries", c => c.Data.Count),
        TableColumn.AgeColumn,
    ];

    protected override void Validate(ConfigMap obj, FieldPath root, bool checkNamespace, List<ValidationError> errors)
    {
        MetadataValidator.Validate(obj.Metadata, root.Child("metadata"), NameRules.Dns1123Subdomain, checkNamespace, errors);
        ConfigDataValidator.Validate(obj, root, errors);
    }
}

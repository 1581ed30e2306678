using Orchestration.Sdk.Configuration;
using Orchestration.Sdk.Declaration;

namespace Orchestration.Sdk.Kinds.BuiltIn;

/// <summary>Secrets (core/v1): typed data, no status; kubectl knows no short name for them.</summary>
internal sealed class SecretRule : BuiltInRule<Secret>
{
    public override string Kind => Secret.KindName;

    public override string Plural => "secrets";

    public override bool HasStatus => false;

    public override bool GarbageCollected => true;

    public override IReadOnlyList<TableColumn> PrintColumns { get; } =
    [
        TableColumn.NameColumn,
        Column("Type", "string", "The type of the secret", s => s.Type),
        Column("Data", "integer", "Number of data entries", s => s.Data.Count),
        TableColumn.AgeColumn,
    ];

    protected override void Validate(Secret obj, FieldPath root, bool checkNamespace, List<ValidationError> errors)
    {
        MetadataValidator.Validate(obj.Metadata, root.Child("metadata"), NameRules.Dns1123Subdomain, checkNamespace, errors);
        ConfigDataValidator.Validate(obj, root, errors);
    }
}

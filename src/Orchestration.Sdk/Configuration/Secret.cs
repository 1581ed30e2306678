using System.Text;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Configuration;

/// <summary>
/// Sensitive key-value pairs (passwords, tokens, keys), as Kubernetes' Secret. Values are <see cref="SecretValue"/>s,
/// which never print; the store keeps them encrypted (AES-256-GCM) and hands them out decrypted. Printing a Secret shows
/// its keys with every value as <c>[REDACTED]</c>.
/// </summary>
public sealed record Secret : Resource
{
    /// <summary>The kind name.</summary>
    public const string KindName = "Secret";

    /// <summary>The type of a secret holding arbitrary user data.</summary>
    public const string OpaqueType = "Opaque";

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <summary>The kind of secret, for consumers that expect certain keys. <value>The default value is "Opaque".</value></summary>
    public string Type { get; init; } = OpaqueType;

    /// <summary>The secret values by key. <value>The default value is empty.</value></summary>
    public IReadOnlyDictionary<string, SecretValue> Data { get; init => field = ValueCollections.Map(value); } = EmptyData;

    internal static readonly IReadOnlyDictionary<string, SecretValue> EmptyData = ValueMap<SecretValue>.Empty;

    // As in Kubernetes, a Secret has no spec/status split: its generation stays 1.
    internal override object? SpecObject => null;

    internal override object? StatusObject => null;

    internal override Resource WithStatusOf(Resource other) => this;

    /// <summary>Prints the metadata, the type and the keys; every value prints as <c>[REDACTED]</c>.</summary>
    /// <param name="builder">Receives the members.</param>
    /// <returns>True: members were printed.</returns>
    protected override bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Kind = ").Append(Kind)
            .Append(", Metadata = ").Append(Metadata)
            .Append(", Type = ").Append(Type)
            .Append(", Data = { ");
        builder.AppendJoin(", ", Data.Keys.Order(StringComparer.Ordinal).Select(k => $"{k} = {SecretValue.Redacted}"));
        builder.Append(" }");
        return true;
    }
}

using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Configuration;

/// <summary>
/// Non-secret configuration as key-value pairs, as Kubernetes' ConfigMap. Containers consume it as environment
/// variables or as files (one per key). Keys consist of alphanumerics, '-', '_' and '.'; all values together are at
/// most 1 MiB.
/// </summary>
public sealed record ConfigMap : Resource
{
    /// <summary>The kind name.</summary>
    public const string KindName = "ConfigMap";

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <summary>The configuration values by key. <value>The default value is empty.</value></summary>
    public IReadOnlyDictionary<string, string> Data { get; init => field = ValueCollections.Map(value); } = ObjectMeta.EmptyMap;

    // As in Kubernetes, a ConfigMap has no spec/status split: its generation stays 1.
    internal override object? SpecObject => null;

    internal override object? StatusObject => null;

    internal override Resource WithStatusOf(Resource other) => this;
}

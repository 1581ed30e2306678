namespace Orchestration.Sdk.Model;

/// <summary>Identifies one object: kind, namespace (empty for cluster-scoped kinds) and name.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Namespace">The namespace, or empty.</param>
/// <param name="Name">The name.</param>
public readonly record struct ObjectKey(string Kind, string Namespace, string Name)
{
    /// <summary>"namespace/name", or just the name for cluster-scoped objects.</summary>
    public string Display => Namespace.Length == 0 ? Name : $"{Namespace}/{Name}";

    /// <inheritdoc />
    public override string ToString() => $"{Kind}/{Display}";
}

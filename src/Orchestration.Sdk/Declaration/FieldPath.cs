namespace Orchestration.Sdk.Declaration;

/// <summary>A field path as Kubernetes prints it (<c>spec.template.spec.containers[0].image</c>), rooted at an object.</summary>
internal readonly record struct FieldPath(string Value)
{
    /// <summary>The root of an object's paths: the plural kind and the name, <c>deployments[web]</c>.</summary>
    public static FieldPath Of(string kind, string name) =>
        new($"{(Kinds.KindRegistry.BuiltIn.TryGet(kind, out var rule) ? rule.Plural : Plural(kind))}[{name}]");

    /// <summary>The root of an object's paths.</summary>
    public static FieldPath Of(Model.Resource resource) => Of(resource.Kind, resource.Metadata.Name);

    public FieldPath Child(string name) => new(Value.Length == 0 ? name : $"{Value}.{name}");

    public FieldPath Child(string first, string second) => Child(first).Child(second);

    public FieldPath Index(int index) => new($"{Value}[{index}]");

    /// <summary>A map entry, as Kubernetes' <c>field.Path.Key</c>: <c>resources.requests[cpu]</c>.</summary>
    public FieldPath Key(string key) => new($"{Value}[{key}]");

    public override string ToString() => Value;

    /// <summary>The resource name of a kind no rule names, by English rules: "Deployment" is "deployments".</summary>
    public static string Plural(string kind)
    {
        var lower = kind.ToLowerInvariant();
        return lower switch
        {
            _ when lower.EndsWith('s') => lower + "es",
            _ when lower.EndsWith('y') => lower[..^1] + "ies",
            _ => lower + "s",
        };
    }
}

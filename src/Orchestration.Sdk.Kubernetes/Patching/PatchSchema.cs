namespace Orchestration.Sdk.Kubernetes.Patching;

/// <summary>
/// How a strategic merge patch treats the fields of one object type: which lists merge (and by which key), and the
/// schema of nested objects and list elements. Fields the schema does not name merge as maps, and lists replace.
/// </summary>
internal sealed class PatchSchema
{
    public static readonly PatchSchema Empty = new(new Dictionary<string, PatchField>());

    private readonly IReadOnlyDictionary<string, PatchField> fields;

    public PatchSchema(IReadOnlyDictionary<string, PatchField> fields) => this.fields = fields;

    /// <summary>The schema of a kind's top-level object; an unknown kind gets only the object metadata rules.</summary>
    public static PatchSchema ForKind(string kind) => PatchSchemas.ByKind.GetValueOrDefault(kind, PatchSchemas.Generic);

    /// <summary>The rule for a field; an unnamed field is a plain nested object with no rules below it.</summary>
    public PatchField Field(string name) => fields.GetValueOrDefault(name, PatchField.Plain);
}

/// <summary>One field's rule, as Go struct tags <c>patchStrategy</c> and <c>patchMergeKey</c> state it.</summary>
/// <param name="Merge">True for <c>patchStrategy:"merge"</c>: a list merges instead of being replaced.</param>
/// <param name="MergeKey">The key that identifies an element of a list of objects; null for a list of primitives.</param>
/// <param name="Schema">The schema of the nested object, or of each list element.</param>
internal sealed record PatchField(bool Merge, string? MergeKey, PatchSchema Schema)
{
    public static readonly PatchField Plain = new(false, null, PatchSchema.Empty);
}

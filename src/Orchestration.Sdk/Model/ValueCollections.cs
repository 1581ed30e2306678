namespace Orchestration.Sdk.Model;

/// <summary>
/// What the model's init accessors call: any map or list given becomes its value-equality form, so a record
/// compares and hashes by content. Null passes through (validation reports it where it matters).
/// </summary>
internal static class ValueCollections
{
    public static IReadOnlyDictionary<string, TValue> Map<TValue>(IReadOnlyDictionary<string, TValue>? value) =>
        value is null ? null! : ValueMap<TValue>.From(value);

    public static IReadOnlyList<T> List<T>(IReadOnlyList<T>? value) =>
        value is null ? null! : ValueList<T>.From(value);

    public static IReadOnlyList<T>? NullableList<T>(IReadOnlyList<T>? value) =>
        value is null ? null : ValueList<T>.From(value);
}

namespace Orchestration.Sdk.Kinds;

/// <summary>The warning a kind registered without a source-generated JSON contract carries.</summary>
internal static class ReflectionJson
{
    public const string Message =
        "The kind's objects are serialized by reflection, which trimming and native AOT may break; pass a JsonTypeInfo<T> from a JsonSerializerContext instead.";
}

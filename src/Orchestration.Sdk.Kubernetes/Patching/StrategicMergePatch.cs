using System.Text.Json.Nodes;

namespace Orchestration.Sdk.Kubernetes.Patching;

/// <summary>
/// Kubernetes' strategic merge patch (k8s.io/apimachinery/pkg/util/strategicpatch), applied to a JSON tree: maps
/// merge, null deletes a key, lists merge by the merge key of <see cref="PatchSchemas"/> or are replaced, and the
/// directives <c>$patch</c>, <c>$retainKeys</c>, <c>$setElementOrder/&lt;field&gt;</c> and
/// <c>$deleteFromPrimitiveList/&lt;field&gt;</c> act as they do in kube-apiserver. No package implements it for .NET.
/// </summary>
internal static class StrategicMergePatch
{
    internal const string PatchDirective = "$patch";
    internal const string RetainKeysDirective = "$retainKeys";
    internal const string SetElementOrderPrefix = "$setElementOrder/";
    internal const string DeleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList/";

    public static JsonObject Apply(JsonObject current, JsonObject patch, PatchSchema schema) =>
        MergeMap(current.DeepClone().AsObject(), patch, schema) ?? new JsonObject();

    /// <summary>Merges <paramref name="patch"/> into <paramref name="original"/> (changed in place); null means delete it.</summary>
    internal static JsonObject? MergeMap(JsonObject original, JsonObject patch, PatchSchema schema)
    {
        switch (Directive(patch))
        {
            case null or "merge":
                break;
            case "delete":
                return null;
            case "replace":
                return MergeMap(new JsonObject(), Without(patch, PatchDirective), schema);
            case var other:
                throw KubernetesPatchException.BadRequest($"unknown patch type: {other} in map: {patch.ToJsonString()}");
        }

        if (patch[RetainKeysDirective] is { } retainKeys)
        {
            RetainKeys(original, patch, retainKeys);
        }

        foreach (var (key, value) in patch)
        {
            if (key.StartsWith(DeleteFromPrimitiveListPrefix, StringComparison.Ordinal))
            {
                StrategicMergeList.DeleteFromPrimitiveList(original, key[DeleteFromPrimitiveListPrefix.Length..], value);
            }
            else if (!key.StartsWith('$'))
            {
                MergeField(original, key, value, schema.Field(key));
            }
        }

        foreach (var (key, value) in patch)
        {
            if (key.StartsWith(SetElementOrderPrefix, StringComparison.Ordinal))
            {
                var field = key[SetElementOrderPrefix.Length..];
                StrategicMergeList.SetElementOrder(original, field, value, schema.Field(field));
            }
        }

        return original;
    }

    private static void MergeField(JsonObject original, string key, JsonNode? value, PatchField field)
    {
        if (value is null)
        {
            original.Remove(key);
            return;
        }

        var existing = original[key];
        JsonNode? merged = (existing, value) switch
        {
            (JsonObject o, JsonObject p) => MergeMap(o, p, field.Schema),
            (null, JsonObject p) => MergeMap(new JsonObject(), p, field.Schema),
            (JsonArray o, JsonArray p) when field.Merge => StrategicMergeList.Merge(o, p, field),
            (null, JsonArray p) when field.Merge => StrategicMergeList.Merge(new JsonArray(), p, field),
            _ => value.DeepClone(),
        };

        if (merged is null)
        {
            original.Remove(key);
        }
        else if (!ReferenceEquals(merged, existing))
        {
            original.Remove(key);
            original[key] = merged;
        }
    }

    private static void RetainKeys(JsonObject original, JsonObject patch, JsonNode retainKeys)
    {
        if (retainKeys is not JsonArray list || list.Any(k => k is not JsonValue v || !v.TryGetValue<string>(out _)))
        {
            throw KubernetesPatchException.BadRequest("invalid patch format for retainKeys: $retainKeys must be a list of field names");
        }

        var keep = list.Select(k => k!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, value) in patch)
        {
            if (!key.StartsWith('$') && value is not null && !keep.Contains(key))
            {
                throw KubernetesPatchException.Unprocessable(
                    $"the patch content doesn't match the retainKeys list: field {key} is not in $retainKeys {list.ToJsonString()}");
            }
        }

        foreach (var key in original.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList())
        {
            original.Remove(key);
        }
    }

    internal static string? Directive(JsonObject element) =>
        element[PatchDirective] switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            var other => throw KubernetesPatchException.BadRequest($"invalid value for {PatchDirective}: {other.ToJsonString()}"),
        };

    internal static JsonObject Without(JsonObject patch, string key)
    {
        var copy = new JsonObject();
        foreach (var (k, v) in patch)
        {
            if (k != key)
            {
                copy[k] = v?.DeepClone();
            }
        }

        return copy;
    }
}

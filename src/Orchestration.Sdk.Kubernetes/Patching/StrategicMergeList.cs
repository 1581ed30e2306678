using System.Text.Json.Nodes;

namespace Orchestration.Sdk.Kubernetes.Patching;

/// <summary>The list half of <see cref="StrategicMergePatch"/>: merging by key, primitive sets, element order.</summary>
internal static class StrategicMergeList
{
    /// <summary>Merges a patch list into <paramref name="original"/> (changed in place) and returns it.</summary>
    public static JsonArray Merge(JsonArray original, JsonArray patch, PatchField field)
    {
        if (patch.Any(e => e is JsonObject o && StrategicMergePatch.Directive(o) == "replace"))
        {
            return Replace(patch, field);
        }

        if (field.MergeKey is null)
        {
            foreach (var value in patch.Where(v => !original.Any(o => JsonNode.DeepEquals(o, v))))
            {
                original.Add(value?.DeepClone());
            }

            return original;
        }

        foreach (var node in patch)
        {
            var element = node as JsonObject
                ?? throw KubernetesPatchException.BadRequest($"unable to merge a list of {field.MergeKey}-keyed objects with the element {node?.ToJsonString() ?? "null"}");
            var key = element[field.MergeKey]
                ?? throw KubernetesPatchException.BadRequest($"map: {element.ToJsonString()} does not contain declared merge key: {field.MergeKey}");
            var index = IndexOf(original, field.MergeKey, key);
            if (StrategicMergePatch.Directive(element) == "delete")
            {
                for (; index >= 0; index = IndexOf(original, field.MergeKey, key))
                {
                    original.RemoveAt(index);
                }

                continue;
            }

            if (index < 0)
            {
                var added = StrategicMergePatch.MergeMap(new JsonObject(), element, field.Schema);
                original.Add(added);
                continue;
            }

            var merged = StrategicMergePatch.MergeMap(original[index]!.AsObject(), element, field.Schema);
            if (merged is null)
            {
                original.RemoveAt(index);
            }
        }

        return original;
    }

    /// <summary>Removes <paramref name="values"/> from the primitive list <paramref name="field"/> of <paramref name="original"/>.</summary>
    public static void DeleteFromPrimitiveList(JsonObject original, string field, JsonNode? values)
    {
        if (values is not JsonArray remove)
        {
            throw KubernetesPatchException.BadRequest($"invalid patch format for primitive list: {StrategicMergePatch.DeleteFromPrimitiveListPrefix}{field} must be a list");
        }

        if (original[field] is JsonArray list)
        {
            for (var i = list.Count - 1; i >= 0; i--)
            {
                if (remove.Any(r => JsonNode.DeepEquals(r, list[i])))
                {
                    list.RemoveAt(i);
                }
            }
        }
    }

    /// <summary>
    /// Orders the merged list <paramref name="field"/> by <c>$setElementOrder</c>: the elements the order names take
    /// the positions such elements hold, in the order given; elements only the server has keep their positions.
    /// </summary>
    public static void SetElementOrder(JsonObject original, string field, JsonNode? order, PatchField rule)
    {
        if (order is not JsonArray orderList)
        {
            throw KubernetesPatchException.BadRequest($"invalid patch format for setElementOrder list: {StrategicMergePatch.SetElementOrderPrefix}{field} must be a list");
        }

        if (original[field] is not JsonArray list || !rule.Merge)
        {
            return;
        }

        var rank = new int[list.Count];
        var slots = new List<int>();
        for (var i = 0; i < list.Count; i++)
        {
            rank[i] = IndexOfOrder(orderList, list[i], rule.MergeKey);
            if (rank[i] >= 0)
            {
                slots.Add(i);
            }
        }

        var sorted = slots.OrderBy(i => rank[i]).Select(i => list[i]).ToList();
        var items = list.ToList();
        list.Clear();
        for (int i = 0, next = 0; i < items.Count; i++)
        {
            list.Add(rank[i] >= 0 ? sorted[next++] : items[i]);
        }
    }

    private static JsonArray Replace(JsonArray patch, PatchField field)
    {
        var result = new JsonArray();
        foreach (var node in patch)
        {
            if (node is JsonObject o && StrategicMergePatch.Directive(o) is not null)
            {
                if (StrategicMergePatch.Directive(o) == "replace")
                {
                    continue;
                }

                result.Add(StrategicMergePatch.MergeMap(new JsonObject(), o, field.Schema));
            }
            else
            {
                result.Add(node is JsonObject element ? StrategicMergePatch.MergeMap(new JsonObject(), element, field.Schema) : node?.DeepClone());
            }
        }

        return result;
    }

    private static int IndexOf(JsonArray list, string mergeKey, JsonNode key)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is JsonObject o && JsonNode.DeepEquals(o[mergeKey], key))
            {
                return i;
            }
        }

        return -1;
    }

    private static int IndexOfOrder(JsonArray order, JsonNode? item, string? mergeKey)
    {
        for (var i = 0; i < order.Count; i++)
        {
            var matches = mergeKey is null
                ? JsonNode.DeepEquals(order[i], item)
                : order[i] is JsonObject o && item is JsonObject e && JsonNode.DeepEquals(o[mergeKey], e[mergeKey]);
            if (matches)
            {
                return i;
            }
        }

        return -1;
    }
}

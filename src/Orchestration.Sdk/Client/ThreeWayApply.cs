using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Orchestration.Sdk.Configuration;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Client;

/// <summary>
/// Apply as <c>kubectl apply</c> does with its last-applied configuration: the change from what was applied last
/// time to what is declared now is merged into the live object (RFC 7386 merge patch: objects merge, lists and
/// values replace, a field the declaration dropped is removed). A field the declaration did not change keeps its
/// live value (a replica count set by <c>ScaleAsync</c> or an autoscaler survives a host restart); a field it
/// changed wins. What was applied is kept in <see cref="WellKnownAnnotations.LastApplied"/>. Secrets are applied
/// two-way (the declaration wins) and get no such annotation, so their values never sit in plaintext in it.
/// Written here rather than with the Kubernetes API's strategic merge: the core has no wire schema, and a JSON
/// merge over the SDK's own model is what its records serialise to.
/// </summary>
internal static class ThreeWayApply
{
    /// <summary>The object to create: the declaration with its applied configuration recorded.</summary>
    public static T ForCreate<T>(T declared, JsonTypeInfo json)
        where T : Resource =>
        declared is Secret ? declared : (T)declared.WithMetadata(declared.Metadata with { Annotations = Record(declared, json) });

    /// <summary>The object to write over <paramref name="live"/>.</summary>
    public static T Merge<T>(T declared, T live, JsonTypeInfo json)
        where T : Resource
    {
        if (declared is Secret)
        {
            return (T)declared.WithMetadata(live.Metadata with { Labels = declared.Metadata.Labels, Annotations = declared.Metadata.Annotations });
        }

        var applied = Applied(declared, json);
        var last = live.Metadata.Annotations.TryGetValue(WellKnownAnnotations.LastApplied, out var text) ? Parse(text) : null;
        var patch = Diff(last, applied, deleteMissing: last is not null) ?? [];
        var liveNode = JsonSerializer.SerializeToNode(live, json)!.AsObject();
        Patch(liveNode, patch);
        var merged = (T)liveNode.Deserialize(json)!;
        var metadata = merged.Metadata;
        return (T)merged.WithMetadata(live.Metadata with
        {
            Labels = metadata.Labels,
            Annotations = new Dictionary<string, string>(metadata.Annotations) { [WellKnownAnnotations.LastApplied] = applied.ToJsonString() },
        });
    }

    /// <summary>What the declaration says, as it is compared: no status, and of the metadata only labels and annotations.</summary>
    internal static JsonObject Applied(Resource declared, JsonTypeInfo json)
    {
        var node = JsonSerializer.SerializeToNode(declared, json)!.AsObject();
        node.Remove(nameof(Deployment.Status)); // the model serialises with its C# names (no naming policy)
        node[nameof(Resource.Metadata)] = new JsonObject
        {
            [nameof(ObjectMeta.Labels)] = Sorted(declared.Metadata.Labels),
            [nameof(ObjectMeta.Annotations)] = Sorted(declared.Metadata.Annotations.Where(a => a.Key != WellKnownAnnotations.LastApplied)),
        };
        return node;
    }

    private static JsonObject Sorted(IEnumerable<KeyValuePair<string, string>> entries)
    {
        var sorted = new JsonObject();
        foreach (var (key, value) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            sorted[key] = value;
        }

        return sorted;
    }

    /// <summary>The merge patch from <paramref name="last"/> to <paramref name="next"/>; null when nothing changed.</summary>
    internal static JsonObject? Diff(JsonObject? last, JsonObject next, bool deleteMissing)
    {
        var patch = new JsonObject();
        foreach (var (key, value) in next)
        {
            JsonNode? before = null;
            var had = last is not null && last.TryGetPropertyValue(key, out before);
            if (had && JsonNode.DeepEquals(before, value))
            {
                continue;
            }

            if (value is JsonObject nextObject && before is JsonObject lastObject)
            {
                if (Diff(lastObject, nextObject, deleteMissing) is { } nested)
                {
                    patch[key] = nested;
                }
            }
            else if (value is JsonObject fresh && !had)
            {
                // Nothing was applied here before: the declared fields are set, the live ones beside them stay.
                if (Diff(null, fresh, deleteMissing: false) is { } nested)
                {
                    patch[key] = nested;
                }
            }
            else if (value is not null || had)
            {
                patch[key] = value?.DeepClone();
            }
        }

        if (deleteMissing && last is not null)
        {
            foreach (var (key, _) in last.Where(p => !next.ContainsKey(p.Key)))
            {
                patch[key] = null;
            }
        }

        return patch.Count == 0 ? null : patch;
    }

    /// <summary>Applies a merge patch in place: null removes, objects merge, anything else replaces.</summary>
    internal static void Patch(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is JsonObject nested && target[key] is JsonObject existing)
            {
                Patch(existing, nested);
            }
            else
            {
                target[key] = value.DeepClone();
            }
        }
    }

    private static Dictionary<string, string> Record(Resource declared, JsonTypeInfo json) =>
        new(declared.Metadata.Annotations) { [WellKnownAnnotations.LastApplied] = Applied(declared, json).ToJsonString() };

    private static JsonObject? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null; // written by someone else: applied as if nothing had been applied before
        }
    }
}

using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Store;

/// <summary>
/// Reads and writes the store's objects as one JSON document, each object tagged with its kind. Objects are written
/// in their stored form, so Secrets stay encrypted in the file.
/// </summary>
internal static class StoreSnapshot
{
    private static readonly Lazy<Dictionary<string, Type>> Kinds = new(() => typeof(Resource).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(Resource)))
        .ToDictionary(t => ((Resource)RuntimeHelpers.GetUninitializedObject(t)).Kind, t => t, StringComparer.Ordinal));

    public static byte[] Write(long version, IEnumerable<Resource> objects)
    {
        var items = new JsonArray();
        foreach (var obj in objects)
        {
            items.Add(new JsonObject { ["kind"] = obj.Kind, ["object"] = JsonSerializer.SerializeToNode(obj, obj.GetType()) });
        }

        return JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["version"] = version, ["objects"] = items });
    }

    public static (long Version, List<Resource> Objects) Read(byte[] json, string source)
    {
        try
        {
            var root = JsonNode.Parse(json)!.AsObject();
            var objects = new List<Resource>();
            foreach (var item in root["objects"]!.AsArray())
            {
                var kind = item!["kind"]!.GetValue<string>();
                if (!Kinds.Value.TryGetValue(kind, out var type))
                {
                    throw new InvalidDataException($"unknown kind \"{kind}\"");
                }

                objects.Add((Resource)item["object"].Deserialize(type)!);
            }

            return (root["version"]!.GetValue<long>(), objects);
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or InvalidOperationException or NullReferenceException)
        {
            throw new OrchestrationException($"The store file {source} cannot be read ({ex.Message}); move it away to start empty.", ex);
        }
    }
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestration.Sdk.Kinds;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Store;

/// <summary>
/// Reads and writes the store's objects as one JSON document, each object tagged with its kind. Objects are written
/// in their stored form, so Secrets stay encrypted in the file. A kind is read back through the store's
/// <see cref="KindRegistry"/>, so custom kinds (AddKind) round-trip as built-in ones; an object of a kind the registry
/// does not hold fails the load with an error naming the kind (it is never dropped, which the next save would make
/// permanent).
/// </summary>
internal static class StoreSnapshot
{
    public static byte[] Write(long version, IEnumerable<Resource> objects, KindRegistry kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var items = new JsonArray();
        foreach (var obj in objects)
        {
            items.Add((JsonNode)new JsonObject { ["kind"] = obj.Kind, ["object"] = JsonSerializer.SerializeToNode(obj, kinds.Get(obj.Kind).JsonTypeInfo) });
        }

        var root = new JsonObject { ["version"] = version, ["objects"] = items };
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    public static (long Version, List<Resource> Objects) Read(byte[] json, string source, KindRegistry kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        try
        {
            var root = JsonNode.Parse(json)!.AsObject();
            var objects = new List<Resource>();
            foreach (var item in root["objects"]!.AsArray())
            {
                var kind = item!["kind"]!.GetValue<string>();
                if (!kinds.TryGet(kind, out var rule))
                {
                    throw new OrchestrationException(
                        $"The store file {source} holds objects of kind \"{kind}\", which is not registered: register the kind (AddKind) before the host starts, or move the file away to start empty.",
                        new UnknownKindException(kind));
                }

                objects.Add((Resource)item["object"].Deserialize(rule.JsonTypeInfo)!);
            }

            return (root["version"]!.GetValue<long>(), objects);
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or InvalidOperationException or NullReferenceException)
        {
            throw new OrchestrationException($"The store file {source} cannot be read ({ex.Message}); move it away to start empty.", ex);
        }
    }
}

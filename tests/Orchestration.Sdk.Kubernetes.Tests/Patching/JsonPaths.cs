using System.Text.Json.Nodes;

namespace Orchestration.Sdk.Kubernetes.Tests.Patching;

/// <summary>Reads a value by a dotted path with list indexes (<c>spec.template.spec.containers[0].image</c>).</summary>
internal static class JsonPaths
{
    public static JsonNode? Select(JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
        {
            var name = part;
            var index = -1;
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket >= 0)
            {
                name = part[..bracket];
                index = int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
            }

            node = name.Length == 0 ? node : (node as JsonObject)?[name.Replace('~', '.')];
            if (index >= 0)
            {
                node = node is JsonArray a && index < a.Count ? a[index] : null;
            }
        }

        return node;
    }

    public static string Json(JsonNode? node) => node?.ToJsonString() ?? "null";
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestration.Sdk.Manifests.Reading;

/// <summary>
/// Finds the Kubernetes fields an object sets that the SDK's model cannot hold: a field of the wire type (so not an
/// unknown field) that mapping to the model and back loses, or a text value it replaces (<c>sessionAffinity:
/// ClientIP</c> becomes <c>None</c>). Zero values (0, false, "", empty lists and maps, null) are not reported: they
/// are Kubernetes' defaults, which the mapping omits. Quantities (<c>0.5</c> is <c>500m</c>) and numbers are
/// normalized, not compared.
/// </summary>
internal static class UnsupportedFields
{
    /// <summary>The fields of <paramref name="given"/> that <paramref name="mapped"/> (the object mapped back to the wire) lacks or changes.</summary>
    /// <returns>Each field's path, and the text the SDK keeps instead when it changes a value (null when it drops the field).</returns>
    public static IReadOnlyList<(string Path, string? Kept)> Find(JsonObject given, JsonNode mapped)
    {
        var lost = new List<(string, string?)>();
        Walk(given, mapped, string.Empty, compareText: true, lost);
        return lost;
    }

    private static void Walk(JsonNode? given, JsonNode? mapped, string path, bool compareText, List<(string, string?)> lost)
    {
        if (IsZero(given))
        {
            return;
        }

        switch (given)
        {
            case JsonObject obj when mapped is JsonObject other:
                foreach (var (key, child) in obj)
                {
                    // stringData's values come back base64-encoded in data: only their presence is compared.
                    var alias = other[key] is null ? Alias(path, key, other) : null;
                    Walk(child, alias ?? other[key], Join(path, key), compareText && alias is null, lost);
                }

                break;
            case JsonArray array when mapped is JsonArray other:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], i < other.Count ? other[i] : null, $"{path}[{i}]", compareText, lost);
                }

                break;
            default:
                if (mapped is null)
                {
                    lost.Add((path, null));
                }
                else if (compareText && Text(given) is { } text && Text(mapped) is { } kept && text != kept && !Model.Quantity.TryParse(text, out _))
                {
                    lost.Add((path, kept));
                }

                break;
        }
    }

    /// <summary>A Secret's <c>stringData</c> is merged into <c>data</c>, as the API server does.</summary>
    private static JsonNode? Alias(string path, string key, JsonObject mapped) =>
        path.Length == 0 && key == "stringData" ? mapped["data"] : null;

    private static bool IsZero(JsonNode? node) => node switch
    {
        null => true,
        JsonObject obj => obj.Count == 0,
        JsonArray array => array.Count == 0,
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.False or JsonValueKind.Null => true,
            JsonValueKind.String => value.GetValue<string>().Length == 0,
            JsonValueKind.Number => value.ToJsonString() is "0" or "0.0",
            _ => false,
        },
        _ => false,
    };

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
}

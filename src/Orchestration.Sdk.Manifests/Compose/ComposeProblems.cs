using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestration.Sdk.Manifests.Compose;

/// <summary>The problems of one Compose file, each naming the service (or config, secret) and the field, and typed reads of its values.</summary>
internal sealed class ComposeProblems(string source)
{
    public List<ManifestProblem> All { get; } = [];

    public string Source => source;

    public void Add(string? kind, string? name, string field, string message) =>
        All.Add(new ManifestProblem(source, 0, kind, name, field, message));

    public void Forbidden(string? kind, string? name, string field, string why) =>
        Add(kind, name, field, $"Forbidden: {why} (see docs/manifests.md)");

    public void Unknown(string? kind, string? name, string field) =>
        Add(kind, name, field, $"unknown field \"{field}\": the Compose specification has no such field");

    public void Invalid(string? kind, string? name, string field, JsonNode? value, string why) =>
        Add(kind, name, field, $"Invalid value: {Show(value)}: {why}");

    /// <summary>A scalar as text (numbers and booleans as written), or null with a problem when it is not a scalar.</summary>
    public string? Text(string? kind, string? name, string field, JsonNode? node)
    {
        if (node is JsonValue value)
        {
            var text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
            return ComposeValues.Literal(text, out var literal) ? literal : Interpolation(kind, name, field, text);
        }

        Invalid(kind, name, field, node, "must be a string");
        return null;
    }

    /// <summary>A list of scalars (or one scalar, when <paramref name="single"/>), or null with a problem.</summary>
    public List<string>? Strings(string? kind, string? name, string field, JsonNode? node, bool single = false)
    {
        if (single && node is JsonValue)
        {
            return Text(kind, name, field, node) is { } one ? [one] : null;
        }

        if (node is not JsonArray array)
        {
            Invalid(kind, name, field, node, single ? "must be a string or a list of strings" : "must be a list of strings");
            return null;
        }

        var items = array.Select((n, i) => Text(kind, name, $"{field}[{i}]", n)).ToList();
        return items.Contains(null) ? null : [.. items.Select(i => i!)];
    }

    /// <summary>A mapping, or null with a problem.</summary>
    public JsonObject? Map(string? kind, string? name, string field, JsonNode? node)
    {
        if (node is JsonObject map)
        {
            return map;
        }

        Invalid(kind, name, field, node, "must be a mapping");
        return null;
    }

    public static string Show(JsonNode? node) => node is null ? "null" : node.ToJsonString();

    private string? Interpolation(string? kind, string? name, string field, string text)
    {
        Invalid(kind, name, field, JsonValue.Create(text), "variable interpolation (\"${NAME}\", \"$NAME\") is not supported: write the value, or \"$$\" for a literal \"$\"");
        return null;
    }
}

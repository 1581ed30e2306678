using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Orchestration.Sdk.Kubernetes.Wire;

/// <summary>
/// Splits a YAML stream into documents and turns each into JSON, as kubectl does before it sends an object: plain
/// scalars are typed by YAML 1.2's core schema (<c>3</c> is a number, <c>true</c> a boolean, <c>null</c> or empty is
/// null), quoted ones stay strings. Empty documents (a leading or trailing <c>---</c>) are skipped, but still counted,
/// so document numbers match what an editor shows between separators.
/// </summary>
internal static partial class YamlDocuments
{
    /// <summary>The documents, 1-based, with their JSON; a document that is only a comment or empty is left out.</summary>
    /// <exception cref="YamlException">The text is not YAML.</exception>
    public static IReadOnlyList<(int Index, JsonNode Json)> Read(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var documents = new List<(int, JsonNode)>();
        for (var i = 0; i < stream.Documents.Count; i++)
        {
            if (ToJson(stream.Documents[i].RootNode) is { } json)
            {
                documents.Add((i + 1, json));
            }
        }

        return documents;
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => Object(map),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(ToJson)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new YamlException(node.Start, node.End, "YAML aliases are not supported in manifests"),
    };

    private static JsonObject Object(YamlMappingNode map)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in map.Children)
        {
            var name = key is YamlScalarNode { Value: { } text } ? text : throw new YamlException(key.Start, key.End, "a mapping key must be a string");
            if (obj.ContainsKey(name))
            {
                throw new YamlException(key.Start, key.End, $"key \"{name}\" is given twice");
            }

            obj[name] = ToJson(value);
        }

        return obj;
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when IntegerPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
            _ when FloatPattern().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
            _ => JsonValue.Create(text),
        };
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}

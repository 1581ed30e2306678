using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Kubernetes.Discovery;
using Orchestration.Sdk.Kubernetes.Wire;
using Orchestration.Sdk.Model;
using YamlDotNet.Core;

namespace Orchestration.Sdk.Manifests.Reading;

/// <summary>
/// Reads the objects of manifests exactly as the Kubernetes API reads a request body (<c>ResourceHandler</c>): the
/// kind from <see cref="ApiKinds"/>, strict decoding with <see cref="WireJson"/>, the kind's <c>FromWire</c> mapping,
/// then the validation a fluent declaration gets (<see cref="ResourceValidator"/>). Every problem is collected.
/// </summary>
internal static class ManifestReader
{
    /// <summary>Metadata the server sets; a manifest saved from <c>kubectl get -o yaml</c> carries them, and they are ignored.</summary>
    private static readonly string[] ServerMetadata = ["uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "selfLink"];

    /// <summary>The kinds a manifest can declare: those the API writes.</summary>
    public static IEnumerable<ApiKind> Kinds => ApiKinds.All.Where(k => k.Writable);

    /// <summary>Reads one source's documents.</summary>
    /// <param name="yaml">The text.</param>
    /// <param name="source">Its name in messages.</param>
    /// <param name="namespace">The declaration's namespace, which every object is declared in.</param>
    /// <param name="problems">Where problems go.</param>
    /// <returns>The objects read without problems.</returns>
    public static List<ManifestObject> Read(string yaml, string source, string @namespace, List<ManifestProblem> problems)
    {
        IReadOnlyList<(int Index, JsonNode Json)> documents;
        try
        {
            documents = YamlDocuments.Read(yaml);
        }
        catch (YamlException e)
        {
            problems.Add(new ManifestProblem(source, 0, null, null, string.Empty, $"invalid YAML at line {e.Start.Line}, column {e.Start.Column}: {Innermost(e).Message}"));
            return [];
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's parser reports some malformed streams (an unclosed flow sequence at the end) this way.
            problems.Add(new ManifestProblem(source, 0, null, null, string.Empty, $"invalid YAML: {e.Message}"));
            return [];
        }

        var objects = new List<ManifestObject>();
        foreach (var (index, json) in documents)
        {
            var found = new List<ManifestProblem>();
            var read = ReadDocument(json, new Where(source, index), @namespace, found);
            problems.AddRange(found);
            if (read is not null && found.Count == 0)
            {
                objects.Add(read);
            }
        }

        return objects;
    }

    private static ManifestObject? ReadDocument(JsonNode json, Where where, string @namespace, List<ManifestProblem> problems)
    {
        if (json is not JsonObject obj)
        {
            problems.Add(where.Problem(null, null, string.Empty, "a manifest document must be an object with apiVersion and kind"));
            return null;
        }

        var apiVersion = Text(obj["apiVersion"]);
        var kindName = Text(obj["kind"]);
        var name = Text((obj["metadata"] as JsonObject)?["name"]);
        if (Kind(apiVersion, kindName, name, where, problems) is not { } kind)
        {
            return null;
        }

        obj = (JsonObject)obj.DeepClone();
        obj.Remove("status");
        if (obj["metadata"] is JsonObject metadata)
        {
            foreach (var field in ServerMetadata)
            {
                metadata.Remove(field);
            }
        }

        object wire;
        IReadOnlyList<string> unknown;
        try
        {
            wire = WireJson.Deserialize(obj.ToJsonString(), kind.WireType, out unknown);
        }
        catch (JsonException e)
        {
            problems.Add(where.Problem(kindName, name, FieldOf(e.Path), $"Invalid value: {Innermost(e).Message}"));
            return null;
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException or OverflowException)
        {
            problems.Add(where.Problem(kindName, name, string.Empty, $"Invalid value: {Innermost(e).Message}"));
            return null;
        }

        foreach (var field in unknown)
        {
            problems.Add(where.Problem(kindName, name, field, $"unknown field \"{field}\": {kind.ApiVersion} {kind.Kind} has no such field"));
        }

        Resource resource;
        try
        {
            resource = kind.FromWire(wire);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException or OverflowException)
        {
            problems.Add(where.Problem(kindName, name, string.Empty, $"Invalid value: {Innermost(e).Message}"));
            return null;
        }

        if (unknown.Count == 0)
        {
            var mapped = JsonNode.Parse(WireJson.Serialize(kind.ToWire(resource)))!;
            foreach (var (field, kept) in UnsupportedFields.Find(obj, mapped))
            {
                problems.Add(where.Problem(kindName, name, field, kept is null
                    ? "Forbidden: Orchestration.Sdk does not support this field (see docs/manifests.md)"
                    : $"Unsupported value: {FieldErrors.Quote(Text(ValueAt(obj, field)) ?? string.Empty)}: Orchestration.Sdk supports only \"{kept}\" here (see docs/manifests.md)"));
            }
        }

        var given = Text((obj["metadata"] as JsonObject)?["namespace"]);
        resource = resource.WithMetadata(resource.Metadata with { Namespace = @namespace });
        var root = FieldPath.Of(resource).Value + ".";
        foreach (var error in ResourceValidator.Validate(resource, validateNamespace: false))
        {
            var field = error.Field.StartsWith(root, StringComparison.Ordinal) ? error.Field[root.Length..] : error.Field;
            problems.Add(where.Problem(kindName, name, field, error.Message));
        }

        if (given is not null && given != @namespace)
        {
            problems.Add(where.Problem(kindName, name, "metadata.namespace", $"Invalid value: \"{given}\": the declaration's namespace is \"{@namespace}\" (a declaration has one namespace; omit it or set AppDeclaration.Namespace)"));
        }

        return new ManifestObject(resource, where.Source, where.Document, given);
    }

    private static ApiKind? Kind(string? apiVersion, string? kindName, string? name, Where where, List<ManifestProblem> problems)
    {
        if (string.IsNullOrEmpty(apiVersion) || string.IsNullOrEmpty(kindName))
        {
            problems.Add(where.Problem(kindName, name, string.IsNullOrEmpty(apiVersion) ? "apiVersion" : "kind", "Required value: a manifest names its apiVersion and kind"));
            return null;
        }

        var kind = Kinds.FirstOrDefault(k => k.Kind == kindName && k.ApiVersion == apiVersion);
        if (kind is not null)
        {
            return kind;
        }

        var versions = Kinds.Where(k => k.Kind == kindName).Select(k => $"\"{k.ApiVersion}\"").ToList();
        problems.Add(versions.Count > 0
            ? where.Problem(kindName, name, "apiVersion", $"Unsupported value: \"{apiVersion}\": supported values for {kindName}: {string.Join(", ", versions)}")
            : where.Problem(kindName, name, "kind", $"Unsupported value: \"{kindName}\" ({apiVersion}): unknown kind; supported kinds: {string.Join(", ", Kinds.Select(k => $"\"{k.Kind}\"").Distinct())}"));
        return null;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>The node at a path <see cref="UnsupportedFields"/> returned (<c>spec.ports[0].protocol</c>).</summary>
    private static JsonNode? ValueAt(JsonNode root, string path)
    {
        JsonNode? node = root;
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            node = node?[bracket < 0 ? part : part[..bracket]];
            for (var i = bracket; i >= 0 && node is not null; i = part.IndexOf('[', i + 1))
            {
                var end = part.IndexOf(']', i);
                node = node is JsonArray array ? array[int.Parse(part[(i + 1)..end], System.Globalization.CultureInfo.InvariantCulture)] : null;
            }
        }

        return node;
    }

    private static string FieldOf(string? jsonPath) =>
        jsonPath is null ? string.Empty : jsonPath.TrimStart('$').TrimStart('.');

    private static Exception Innermost(Exception e)
    {
        while (e is TargetInvocationException { InnerException: { } inner })
        {
            e = inner;
        }

        return e is YamlException { InnerException: { } cause } ? cause : e;
    }

    private readonly record struct Where(string Source, int Document)
    {
        public ManifestProblem Problem(string? kind, string? name, string field, string message) =>
            new(Source, Document, kind, name, field, message);
    }
}

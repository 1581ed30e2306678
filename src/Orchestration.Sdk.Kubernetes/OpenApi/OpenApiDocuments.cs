using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Orchestration.Sdk.Kubernetes.Discovery;

namespace Orchestration.Sdk.Kubernetes.OpenApi;

/// <summary>
/// The OpenAPI v3 documents: <c>/openapi/v3</c> lists one document per group version, and each names the operations of
/// its kinds. kubectl's validation reads the PATCH operations: one tagged <c>x-kubernetes-group-version-kind</c> with a
/// <c>fieldValidation</c> query parameter tells it the server validates fields itself (it then sends
/// <c>fieldValidation=Strict</c>), so <c>apply</c> and <c>create -f</c> work without <c>--validate=false</c>.
/// Schemas are not published (kubectl explain is not served).
/// </summary>
internal static class OpenApiDocuments
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Documents = new(Build);

    /// <summary>The <c>/openapi/v3</c> index.</summary>
    public static void Index(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteStartObject("paths");
        foreach (var (path, doc) in Documents.Value)
        {
            w.WriteStartObject(path);
            w.WriteString("serverRelativeURL", $"/openapi/v3/{path}?hash={Hash(doc)}");
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>The document of "api/v1" or "apis/GROUP/VERSION"; null when not served.</summary>
    public static string? Document(string path) => Documents.Value.TryGetValue(path, out var doc) ? doc : null;

    private static Dictionary<string, string> Build() =>
        ApiKinds.All.GroupBy(k => k.Group.Length == 0 ? $"api/{k.Version}" : $"apis/{k.Group}/{k.Version}")
            .ToDictionary(g => g.Key, g => Document(g.Key, g), StringComparer.Ordinal);

    private static string Document(string prefix, IEnumerable<ApiKind> kinds)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("openapi", "3.0.0");
            w.WriteStartObject("info");
            w.WriteString("title", "Kubernetes");
            w.WriteString("version", DiscoveryDocuments.GitVersion);
            w.WriteEndObject();
            w.WriteStartObject("paths");
            foreach (var k in kinds)
            {
                var scope = k.Namespaced ? "/namespaces/{namespace}" : string.Empty;
                var collection = $"/{prefix}{scope}/{k.Plural}";
                w.WriteStartObject(collection);
                Operation(w, "get", "list", k);
                if (k.Writable)
                {
                    Operation(w, "post", "post", k);
                }

                w.WriteEndObject();
                w.WriteStartObject($"{collection}/{{name}}");
                Operation(w, "get", "get", k);
                if (k.Writable)
                {
                    Operation(w, "put", "put", k);
                    Operation(w, "patch", "patch", k);
                    Operation(w, "delete", "delete", k);
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteStartObject("components");
            w.WriteStartObject("schemas");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Operation(Utf8JsonWriter w, string method, string action, ApiKind k)
    {
        w.WriteStartObject(method);
        w.WriteString("operationId", $"{action}{k.Kind}");
        w.WriteStartArray("parameters");
        if (method is "post" or "put" or "patch")
        {
            foreach (var name in new[] { "dryRun", "fieldManager", "fieldValidation" })
            {
                w.WriteStartObject();
                w.WriteString("name", name);
                w.WriteString("in", "query");
                w.WriteStartObject("schema");
                w.WriteString("type", "string");
                w.WriteBoolean("uniqueItems", true);
                w.WriteEndObject();
                w.WriteEndObject();
            }
        }

        w.WriteEndArray();
        w.WriteStartObject("responses");
        w.WriteStartObject("200");
        w.WriteString("description", "OK");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteString("x-kubernetes-action", action);
        w.WriteStartObject("x-kubernetes-group-version-kind");
        w.WriteString("group", k.Group);
        w.WriteString("version", k.Version);
        w.WriteString("kind", k.Kind);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static string Hash(string doc) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(doc)))[..32];
}

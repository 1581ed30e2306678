using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestration.Sdk.Kubernetes.Patching;

/// <summary>
/// Applies the body of a Kubernetes PATCH request to the current object, as kube-apiserver does: RFC 6902 JSON patch,
/// RFC 7386 merge patch, or strategic merge patch with the merge keys of the object's kind. A server-side apply
/// configuration (<see cref="PatchContentTypes.ApplyPatch"/>, YAML or JSON) is merged as a strategic merge patch: the
/// fields it names win, the others keep their current values (no per-manager field ownership; see docs/manifests.md).
/// </summary>
public static class PatchApplier
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 128 };

    private static readonly string UnsupportedMessage =
        "the body of the request was in an unknown format - accepted media types include: " +
        $"{PatchContentTypes.JsonPatch}, {PatchContentTypes.MergePatch}, {PatchContentTypes.StrategicMergePatch}, {PatchContentTypes.ApplyPatch}";

    /// <summary>Applies a patch and returns the patched object; <paramref name="current"/> is never changed.</summary>
    /// <param name="current">The object as stored, in its wire (JSON) form.</param>
    /// <param name="contentType">The request's <c>Content-Type</c>; parameters such as <c>; charset=utf-8</c> are ignored.</param>
    /// <param name="patch">The request body.</param>
    /// <param name="kind">The object's kind (<c>Deployment</c>, <c>Pod</c>…); it chooses the strategic merge keys.</param>
    /// <returns>A new JSON object: the result of the patch.</returns>
    /// <exception cref="KubernetesPatchException">
    /// 415 for an unknown patch type, 400 for a malformed patch, 422 for a patch that does not apply.
    /// </exception>
    public static JsonObject Apply(JsonObject current, string? contentType, ReadOnlySpan<byte> patch, string kind)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(kind);
        var mediaType = MediaType(contentType);
        return mediaType switch
        {
            PatchContentTypes.JsonPatch => JsonPatchOperations.Apply(current, patch),
            PatchContentTypes.MergePatch => MergePatch.Apply(current, ParseObject(patch)),
            PatchContentTypes.StrategicMergePatch => StrategicMergePatch.Apply(current, ParseObject(patch), PatchSchema.ForKind(kind)),
            PatchContentTypes.ApplyPatch => StrategicMergePatch.Apply(current, ParseApplied(patch), PatchSchema.ForKind(kind)),
            _ => throw new KubernetesPatchException(415, "UnsupportedMediaType", UnsupportedMessage),
        };
    }

    internal static JsonNode? Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            return JsonNode.Parse(body, documentOptions: DocumentOptions);
        }
        catch (JsonException e)
        {
            throw KubernetesPatchException.BadRequest($"error decoding patch: {e.Message}", e);
        }
    }

    private static JsonObject ParseObject(ReadOnlySpan<byte> body) =>
        Parse(body) as JsonObject
        ?? throw KubernetesPatchException.BadRequest("error decoding patch: the patch must be a JSON object");

    /// <summary>Whether a <c>Content-Type</c> is a server-side apply (<see cref="PatchContentTypes.ApplyPatch"/>).</summary>
    /// <param name="contentType">The request's <c>Content-Type</c>, parameters ignored.</param>
    /// <returns>True for <c>application/apply-patch+yaml</c>.</returns>
    public static bool IsApply(string? contentType) => MediaType(contentType) == PatchContentTypes.ApplyPatch;

    /// <summary>A server-side apply body: one YAML (or JSON, which is YAML) document holding an object.</summary>
    /// <param name="body">The request body.</param>
    /// <returns>The applied configuration as JSON.</returns>
    /// <exception cref="KubernetesPatchException">400 when the body is not one YAML object.</exception>
    public static JsonObject ParseApplied(ReadOnlySpan<byte> body)
    {
        IReadOnlyList<(int Index, JsonNode Json)> documents;
        try
        {
            documents = Wire.YamlDocuments.Read(System.Text.Encoding.UTF8.GetString(body));
        }
        catch (Exception e) when (e is YamlDotNet.Core.YamlException or InvalidOperationException)
        {
            throw KubernetesPatchException.BadRequest($"error decoding YAML: {e.Message}", e);
        }

        return documents is [(_, JsonObject applied)]
            ? applied
            : throw KubernetesPatchException.BadRequest("error decoding YAML: an apply patch must be one object");
    }

    private static string MediaType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return string.Empty;
        }

        var end = contentType.IndexOf(';', StringComparison.Ordinal);
        return (end < 0 ? contentType : contentType[..end]).Trim().ToLowerInvariant();
    }
}

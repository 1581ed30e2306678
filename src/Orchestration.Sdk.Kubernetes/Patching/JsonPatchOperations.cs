using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.JsonPatch.SystemTextJson;
using Microsoft.AspNetCore.JsonPatch.SystemTextJson.Exceptions;

namespace Orchestration.Sdk.Kubernetes.Patching;

/// <summary>
/// RFC 6902 through Microsoft.AspNetCore.JsonPatch.SystemTextJson, which applies operations to a <see cref="JsonNode"/>
/// tree. The operations run on a copy, so a patch that fails halfway changes nothing.
/// </summary>
internal static class JsonPatchOperations
{
    public static JsonObject Apply(JsonObject current, ReadOnlySpan<byte> body)
    {
        if (PatchApplier.Parse(body) is not JsonArray)
        {
            throw KubernetesPatchException.BadRequest("error decoding patch: a JSON patch must be a list of operations");
        }

        JsonPatchDocument document;
        try
        {
            document = JsonSerializer.Deserialize<JsonPatchDocument>(body)
                ?? throw KubernetesPatchException.BadRequest("error decoding patch: the patch is null");
        }
        catch (Exception e) when (e is JsonException or JsonPatchException or InvalidOperationException)
        {
            throw KubernetesPatchException.BadRequest($"error decoding patch: {e.Message}", e);
        }

        var result = current.DeepClone().AsObject();
        try
        {
            document.ApplyTo(result);
        }
        catch (JsonPatchException e)
        {
            throw KubernetesPatchException.Unprocessable(e.Message, e);
        }

        return result;
    }
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Orchestration.Sdk.Kubernetes.Patching;
using Orchestration.Sdk.Kubernetes.Wire;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Kubernetes.Server;

/// <summary>
/// PATCH of objects and their status (what <c>kubectl apply</c>, <c>set image</c>, <c>label</c>, <c>annotate</c> and
/// <c>rollout undo|restart|pause|resume</c> send): the stored object in its wire JSON, the patch applied by
/// <see cref="PatchApplier"/> (JSON patch, merge patch, strategic merge patch), then the same update path as PUT, so the
/// kind's rules validate it and a failed patch changes nothing.
/// </summary>
internal sealed class PatchHandler(ApiStorage storage)
{
    public async Task HandleAsync(HttpContext context, ApiRequest request, CancellationToken cancellationToken)
    {
        var kind = request.Kind;
        if (!kind.Writable || !kind.Stored)
        {
            throw ApiError.MethodNotAllowed($"patch is not supported on resources of kind \"{kind.QualifiedResource}\"");
        }

        var ns = kind.Namespaced ? request.Namespace ?? "default" : string.Empty;
        var current = await storage.GetAsync(kind, ns, request.Name!, cancellationToken).ConfigureAwait(false) ?? throw ApiError.NotFound(kind, request.Name!);
        var body = Encoding.UTF8.GetBytes(await ResourceHandler.ReadBodyAsync(context, cancellationToken).ConfigureAwait(false));
        var currentJson = JsonNode.Parse(WireJson.Serialize(kind.ToWire(current)))!.AsObject();

        // Omitted-empty maps are absent on the wire, but a JSON patch replaces them by path (rollout undo replaces
        // /metadata/annotations), so present them as empty objects, as a real server holding them would.
        if (currentJson["metadata"] is JsonObject meta)
        {
            meta["annotations"] ??= new JsonObject();
            meta["labels"] ??= new JsonObject();
        }
        JsonObject patched;
        try
        {
            patched = PatchApplier.Apply(currentJson, context.Request.ContentType, body, kind.Kind);
        }
        catch (KubernetesPatchException e)
        {
            throw new ApiError(e.Code, e.Reason, e.Message);
        }

        object wire;
        try
        {
            wire = WireJson.Deserialize(patched.ToJsonString(), kind.WireType, out _);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            throw new ApiError(422, "Invalid", $"the patched object is not a valid {kind.Kind}: {e.Message}");
        }

        var resource = kind.FromWire(wire);
        resource = resource.WithMetadata(resource.Metadata with { Namespace = current.Metadata.Namespace, Name = current.Metadata.Name });
        var updated = context.Request.Query["dryRun"].FirstOrDefault() == "All"
            ? storage.Validated(kind, resource)
            : await storage.UpdateAsync(kind, resource, request.Subresource == "status", cancellationToken).ConfigureAwait(false);
        await ApiResponse.ObjectAsync(context, 200, kind.ToWire(updated), cancellationToken).ConfigureAwait(false);
    }
}

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
/// kind's rules validate it and a failed patch changes nothing. A server-side apply (<c>kubectl apply --server-side</c>)
/// needs a <c>fieldManager</c>, creates the object when it is absent and otherwise merges the applied fields; with
/// <c>dryRun=All</c> every patch is validated and answered, and nothing is stored. A patch without a resourceVersion of
/// its own is applied again to the latest object when another write came in between (409 only after 5 attempts).
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
        var apply = PatchApplier.IsApply(context.Request.ContentType);
        if (apply && string.IsNullOrEmpty(context.Request.Query["fieldManager"].FirstOrDefault()))
        {
            throw new ApiError(422, "Invalid", "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch");
        }

        var dryRun = context.Request.Query["dryRun"].FirstOrDefault() == "All";
        var body = Encoding.UTF8.GetBytes(await ResourceHandler.ReadBodyAsync(context, cancellationToken).ConfigureAwait(false));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (status, result) = await PatchOnceAsync(context, request, ns, apply, dryRun, body, cancellationToken).ConfigureAwait(false);
                await ApiResponse.ObjectAsync(context, status, kind.ToWire(result), cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (ApiError e) when (e.Reason is "Conflict" or "AlreadyExists" && attempt < MaxAttempts && !Preconditioned(body))
            {
                // As kube-apiserver: a patch without a resourceVersion of its own is applied again to the latest
                // object when a controller wrote in between (a status update), instead of failing with 409.
            }
        }
    }

    private const int MaxAttempts = 5;

    private async Task<(int Status, Resource Result)> PatchOnceAsync(HttpContext context, ApiRequest request, string ns, bool apply, bool dryRun, byte[] body, CancellationToken cancellationToken)
    {
        var kind = request.Kind;
        var current = await storage.GetAsync(kind, ns, request.Name!, cancellationToken).ConfigureAwait(false);
        if (current is null && apply && request.Subresource is null)
        {
            return (201, await ApplyCreateAsync(kind, ns, request.Name!, body, dryRun, cancellationToken).ConfigureAwait(false));
        }

        if (current is null)
        {
            throw ApiError.NotFound(kind, request.Name!);
        }

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

        var resource = FromJson(kind, patched, "patched");
        resource = resource.WithMetadata(resource.Metadata with { Namespace = current.Metadata.Namespace, Name = current.Metadata.Name });
        return (200, dryRun
            ? storage.Validated(kind, resource)
            : await storage.UpdateAsync(kind, resource, request.Subresource == "status", cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Whether the patch names a <c>metadata.resourceVersion</c>: then it is a precondition, and a conflict is the answer.</summary>
    private static bool Preconditioned(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        if (!text.Contains("resourceVersion", StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            return JsonNode.Parse(text) switch
            {
                JsonObject patch => patch["metadata"]?["resourceVersion"] is not null,
                _ => true,
            };
        }
        catch (JsonException)
        {
            return true; // YAML (an apply) naming a resourceVersion somewhere: treat it as a precondition
        }
    }

    /// <summary>A server-side apply of an absent object creates it from the applied configuration.</summary>
    private async Task<Resource> ApplyCreateAsync(Discovery.ApiKind kind, string ns, string name, byte[] body, bool dryRun, CancellationToken cancellationToken)
    {
        JsonObject applied;
        try
        {
            applied = PatchApplier.ParseApplied(body);
        }
        catch (KubernetesPatchException e)
        {
            throw new ApiError(e.Code, e.Reason, e.Message);
        }

        var given = (applied["metadata"] as JsonObject)?["name"]?.GetValue<string>();
        if (given is not null && given != name)
        {
            throw ApiError.BadRequest($"the name of the object ({given}) does not match the name on the URL ({name})");
        }

        var resource = FromJson(kind, applied, "applied");
        resource = resource.WithMetadata(resource.Metadata with { Namespace = ns, Name = name, ResourceVersion = 0, Uid = string.Empty, Generation = 0 });
        return dryRun ? storage.Validated(kind, resource) : await storage.CreateAsync(kind, resource, cancellationToken).ConfigureAwait(false);
    }

    private static Resource FromJson(Discovery.ApiKind kind, JsonObject json, string what)
    {
        try
        {
            return kind.FromWire(WireJson.Deserialize(json.ToJsonString(), kind.WireType, out _));
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            throw new ApiError(422, "Invalid", $"the {what} object is not a valid {kind.Kind}: {e.Message}");
        }
    }
}

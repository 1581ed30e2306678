using System.Globalization;
using System.Text.Json;
using k8s;
using k8s.Models;
using Microsoft.AspNetCore.Http;
using Orchestration.Sdk.Kubernetes.Discovery;
using Orchestration.Sdk.Kubernetes.Tables;
using Orchestration.Sdk.Kubernetes.Wire;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Kubernetes.Server;

/// <summary>get, list, create, replace (PUT) and delete of objects, and their status subresource.</summary>
internal sealed class ResourceHandler(ApiStorage storage, DateTimeOffset started)
{
    public async Task GetAsync(HttpContext context, ApiRequest request, CancellationToken cancellationToken)
    {
        var item = await FindAsync(request, cancellationToken).ConfigureAwait(false) ?? throw ApiError.NotFound(request.Kind, request.Name!);
        if (TableWriter.Wanted(context.Request.Headers.Accept))
        {
            await ApiResponse.DocumentAsync(context, 200, w => TableWriter.Write(w, request.Kind, [item], item.Metadata.ResourceVersion, storage.Now, Include(context)), ApiResponse.Json, cancellationToken).ConfigureAwait(false);
            return;
        }

        await ApiResponse.ObjectAsync(context, 200, request.Kind.ToWire(item), cancellationToken).ConfigureAwait(false);
    }

    public async Task ListAsync(HttpContext context, ApiRequest request, CancellationToken cancellationToken)
    {
        var (items, version) = await ListAsync(request, context.Request.Query, cancellationToken).ConfigureAwait(false);
        if (TableWriter.Wanted(context.Request.Headers.Accept))
        {
            await ApiResponse.DocumentAsync(context, 200, w => TableWriter.Write(w, request.Kind, items, version, storage.Now, Include(context)), ApiResponse.Json, cancellationToken).ConfigureAwait(false);
            return;
        }

        await ApiResponse.DocumentAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("kind", request.Kind.Kind + "List");
            w.WriteString("apiVersion", request.Kind.ApiVersion);
            w.WriteStartObject("metadata");
            w.WriteString("resourceVersion", version.ToString(CultureInfo.InvariantCulture));
            w.WriteEndObject();
            w.WriteStartArray("items");
            foreach (var item in items)
            {
                w.WriteRawValue(WireJson.Serialize(request.Kind.ToWire(item)));
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }, ApiResponse.Json, cancellationToken).ConfigureAwait(false);
    }

    public async Task CreateAsync(HttpContext context, ApiRequest request, CancellationToken cancellationToken)
    {
        var kind = Writable(request);
        var resource = await ReadAsync(context, kind, request.Namespace, cancellationToken).ConfigureAwait(false);
        if (resource.Metadata.Name.Length == 0)
        {
            throw ApiError.Invalid(kind, string.Empty, [("metadata.name", "Required value: name or generateName is required")]);
        }

        resource = resource.WithMetadata(resource.Metadata with { ResourceVersion = 0, Uid = string.Empty, Generation = 0 });
        var created = DryRun(context) ? storage.Validated(kind, resource) : await storage.CreateAsync(kind, resource, cancellationToken).ConfigureAwait(false);
        await ApiResponse.ObjectAsync(context, 201, kind.ToWire(created), cancellationToken).ConfigureAwait(false);
    }

    public async Task UpdateAsync(HttpContext context, ApiRequest request, CancellationToken cancellationToken)
    {
        var kind = request.Subresource == "status" && request.Kind.HasStatus ? request.Kind : Writable(request);
        var resource = await ReadAsync(context, kind, request.Namespace, cancellationToken).ConfigureAwait(false);
        if (resource.Metadata.Name != request.Name)
        {
            throw ApiError.BadRequest($"the name of the object ({resource.Metadata.Name}) does not match the name on the URL ({request.Name})");
        }

        var updated = DryRun(context) ? storage.Validated(kind, resource) : await storage.UpdateAsync(kind, resource, request.Subresource == "status", cancellationToken).ConfigureAwait(false);
        await ApiResponse.ObjectAsync(context, 200, kind.ToWire(updated), cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(HttpContext context, ApiRequest request, CancellationToken cancellationToken)
    {
        var kind = Writable(request);
        var options = await ReadDeleteOptionsAsync(context, cancellationToken).ConfigureAwait(false);
        var policy = context.Request.Query["propagationPolicy"].FirstOrDefault() ?? options?.PropagationPolicy;
        long? expected = long.TryParse(options?.Preconditions?.ResourceVersion, CultureInfo.InvariantCulture, out var rv) ? rv : null;
        if (DryRun(context))
        {
            var current = await FindAsync(request, cancellationToken).ConfigureAwait(false) ?? throw ApiError.NotFound(kind, request.Name!);
            await ApiResponse.ObjectAsync(context, 200, kind.ToWire(current), cancellationToken).ConfigureAwait(false);
            return;
        }

        var deleted = await storage.DeleteAsync(kind, request.Namespace ?? "default", request.Name!, policy, expected, cancellationToken).ConfigureAwait(false);
        await ApiResponse.ObjectAsync(context, 200, kind.ToWire(deleted), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The objects a list or watch selects: namespace, label selector and field selector.</summary>
    public async Task<(IReadOnlyList<Resource> Items, long Version)> ListAsync(ApiRequest request, IQueryCollection query, CancellationToken cancellationToken)
    {
        var labels = LabelSelectorQuery.Parse(query["labelSelector"].FirstOrDefault());
        var fields = FieldSelectorQuery.Parse(query["fieldSelector"].FirstOrDefault(), request.Kind);
        IReadOnlyList<Resource> all;
        long version;
        if (request.Kind == ApiKinds.Namespace)
        {
            (all, version) = (ApiNamespace.All(started), await storage.VersionAsync(cancellationToken).ConfigureAwait(false));
        }
        else if (!request.Kind.Stored)
        {
            (all, version) = ([], await storage.VersionAsync(cancellationToken).ConfigureAwait(false));
        }
        else
        {
            var list = await storage.ListAsync(request.Kind, request.Namespace, cancellationToken).ConfigureAwait(false);
            (all, version) = (list.Items, list.ResourceVersion);
        }

        var items = all.Where(r => (labels is null || labels.Matches(r.Metadata.Labels)) && (fields is null || fields.Matches(r))).ToList();
        return (items, version);
    }

    /// <summary>The selectors of a watch, to filter its events.</summary>
    public static Func<Resource, bool> Filter(ApiRequest request, IQueryCollection query)
    {
        var labels = LabelSelectorQuery.Parse(query["labelSelector"].FirstOrDefault());
        var fields = FieldSelectorQuery.Parse(query["fieldSelector"].FirstOrDefault(), request.Kind);
        return r => (request.Namespace is null || r.Metadata.Namespace == request.Namespace) &&
            (labels is null || labels.Matches(r.Metadata.Labels)) && (fields is null || fields.Matches(r));
    }

    private async Task<Resource?> FindAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        if (request.Kind == ApiKinds.Namespace)
        {
            return ApiNamespace.All(started).FirstOrDefault(n => n.Metadata.Name == request.Name);
        }

        return request.Kind.Stored ? await storage.GetAsync(request.Kind, request.Namespace ?? "default", request.Name!, cancellationToken).ConfigureAwait(false) : null;
    }

    private static ApiKind Writable(ApiRequest request) => request.Kind.Writable
        ? request.Kind
        : throw ApiError.MethodNotAllowed($"{request.Verb} is not supported on resources of kind \"{request.Kind.QualifiedResource}\"");

    private static async Task<Resource> ReadAsync(HttpContext context, ApiKind kind, string? ns, CancellationToken cancellationToken)
    {
        var body = await ReadObjectBodyAsync(context, cancellationToken).ConfigureAwait(false);
        object wire;
        IReadOnlyList<string> unknown;
        try
        {
            wire = WireJson.Deserialize(body, kind.WireType, out unknown);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            throw ApiError.BadRequest($"the object provided is unrecognized: {e.Message}");
        }

        if (wire is IKubernetesObject typed && !string.IsNullOrEmpty(typed.Kind) && (typed.Kind != kind.Kind || typed.ApiVersion != kind.ApiVersion))
        {
            throw ApiError.BadRequest($"the API version in the data ({typed.ApiVersion}) does not match the expected API version ({kind.ApiVersion}) or the kind ({typed.Kind}) is not {kind.Kind}");
        }

        var validation = context.Request.Query["fieldValidation"].FirstOrDefault() ?? "Warn";
        if (unknown.Count > 0 && validation == "Strict")
        {
            throw ApiError.StrictDecoding(unknown);
        }

        if (unknown.Count > 0 && validation == "Warn")
        {
            context.Response.Headers.Append("Warning", unknown.Select(f => $"299 - \"unknown field \\\"{f}\\\"\"").ToArray());
        }

        var resource = kind.FromWire(wire);
        if (kind.Namespaced)
        {
            var bodyNs = (wire as IMetadata<V1ObjectMeta>)?.Metadata?.NamespaceProperty;
            if (!string.IsNullOrEmpty(bodyNs) && ns is not null && bodyNs != ns)
            {
                throw ApiError.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
            }

            resource = resource.WithMetadata(resource.Metadata with { Namespace = ns ?? (string.IsNullOrEmpty(bodyNs) ? "default" : bodyNs) });
        }

        return resource;
    }

    private static async Task<V1DeleteOptions?> ReadDeleteOptionsAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(context, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return (V1DeleteOptions)WireJson.Deserialize(body, typeof(V1DeleteOptions), out _);
        }
        catch (JsonException e)
        {
            throw ApiError.BadRequest($"invalid delete options: {e.Message}");
        }
    }

    /// <summary>The body as JSON; a protobuf body (kubectl's typed clients send one) is read into JSON first.</summary>
    private static async Task<string> ReadObjectBodyAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (context.Request.ContentType?.StartsWith("application/vnd.kubernetes.protobuf", StringComparison.Ordinal) != true)
        {
            return await ReadBodyAsync(context, cancellationToken).ConfigureAwait(false);
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        try
        {
            return ProtobufWire.ToJson(buffer.ToArray());
        }
        catch (FormatException e)
        {
            throw new ApiError(415, "UnsupportedMediaType", e.Message);
        }
    }

    public static async Task<string> ReadBodyAsync(HttpContext context, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(context.Request.Body);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }

    private static bool DryRun(HttpContext context) => context.Request.Query["dryRun"].FirstOrDefault() == "All";

    private static string? Include(HttpContext context) => context.Request.Query["includeObject"].FirstOrDefault();
}

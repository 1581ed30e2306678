using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Kubernetes.Discovery;
using Orchestration.Sdk.Kubernetes.OpenApi;
using Orchestration.Sdk.Kubernetes.Security;

namespace Orchestration.Sdk.Kubernetes.Server;

/// <summary>
/// Every request: the bearer token first (401 without a valid one, 403 for a write with the read-only token), then
/// discovery, OpenAPI, or a resource request routed by verb and subresource. Errors are Kubernetes Status objects.
/// </summary>
internal sealed class ApiDispatcher(
    TokenAuthenticator authenticator,
    ResourceHandler resources,
    WatchHandler watches,
    ScaleHandler scales,
    PatchHandler patches,
    PodLogHandler logs,
    PodStreamHandler podStreams,
    Func<string> serverAddress,
    ILogger logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var method = context.Request.Method;
        var path = context.Request.Path.Value ?? "/";
        try
        {
            var access = authenticator.Authenticate(context.Request.Headers.Authorization.FirstOrDefault());
            if (access == ApiAccess.None)
            {
                ApiLog.Unauthenticated(logger, method, path);
                throw ApiError.Unauthorized();
            }

            if (method == "GET" && await DiscoveryAsync(context, path, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            var request = ApiRequest.Parse(method, path, context.Request.Query) ?? throw NotFound();
            if (!request.IsReadOnly && access != ApiAccess.Admin)
            {
                throw ApiError.Forbidden(request.Verb, request.Kind, request.Namespace);
            }

            await RouteAsync(context, request, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiError e)
        {
            ApiLog.Failed(logger, method, path, e.Code, e.Reason);
            if (!context.Response.HasStarted)
            {
                await ApiResponse.StatusAsync(context, e, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            ApiLog.Crashed(logger, method, path, e);
            if (!context.Response.HasStarted)
            {
                await ApiResponse.StatusAsync(context, new ApiError(500, "InternalError", $"Internal error occurred: {e.Message}"), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private Task RouteAsync(HttpContext context, ApiRequest request, CancellationToken cancellationToken) => (request.Verb, request.Subresource) switch
    {
        (_, "scale") when request.Kind.HasScale => scales.HandleAsync(context, request, cancellationToken),
        ("get", "log") when request.Kind == ApiKinds.Pod => logs.HandleAsync(context, request, cancellationToken),
        ("get" or "create", "exec" or "portforward") when request.Kind == ApiKinds.Pod => podStreams.HandleAsync(context, request, cancellationToken),
        ("get", null or "status") => resources.GetAsync(context, request, cancellationToken),
        ("list", null) => resources.ListAsync(context, request, cancellationToken),
        ("watch", null) => watches.HandleAsync(context, request, cancellationToken),
        ("create", null) => resources.CreateAsync(context, request, cancellationToken),
        ("update", null or "status") => resources.UpdateAsync(context, request, cancellationToken),
        ("delete", null) => resources.DeleteAsync(context, request, cancellationToken),
        ("patch", null or "status") => patches.HandleAsync(context, request, cancellationToken),
        (_, null) => throw ApiError.MethodNotAllowed($"{request.Verb} is not supported on resources of kind \"{request.Kind.QualifiedResource}\""),
        _ => throw NotFound(),
    };

    private async Task<bool> DiscoveryAsync(HttpContext context, string path, CancellationToken cancellationToken)
    {
        var trimmed = path.Trim('/');
        var aggregated = context.Request.Headers.Accept.ToString().Contains("as=APIGroupDiscoveryList", StringComparison.Ordinal);
        switch (trimmed)
        {
            case "version":
                await ApiResponse.DocumentAsync(context, 200, DiscoveryDocuments.Version, ApiResponse.Json, cancellationToken).ConfigureAwait(false);
                return true;
            case "api" when aggregated:
            case "apis" when aggregated:
                await ApiResponse.DocumentAsync(context, 200, w => DiscoveryDocuments.Aggregated(w, trimmed == "api"), DiscoveryDocuments.AggregatedContentType, cancellationToken).ConfigureAwait(false);
                return true;
            case "api":
                await ApiResponse.DocumentAsync(context, 200, w => DiscoveryDocuments.ApiVersions(w, serverAddress()), ApiResponse.Json, cancellationToken).ConfigureAwait(false);
                return true;
            case "apis":
                await ApiResponse.DocumentAsync(context, 200, DiscoveryDocuments.GroupList, ApiResponse.Json, cancellationToken).ConfigureAwait(false);
                return true;
            case "openapi/v3":
                await ApiResponse.DocumentAsync(context, 200, OpenApiDocuments.Index, ApiResponse.Json, cancellationToken).ConfigureAwait(false);
                return true;
            case "healthz" or "livez" or "readyz":
                await ApiResponse.TextAsync(context, 200, "ok", "text/plain", cancellationToken).ConfigureAwait(false);
                return true;
            default:
                break;
        }

        if (trimmed.StartsWith("openapi/v3/", StringComparison.Ordinal))
        {
            var doc = OpenApiDocuments.Document(trimmed["openapi/v3/".Length..]) ?? throw NotFound();
            await ApiResponse.TextAsync(context, 200, doc, ApiResponse.Json, cancellationToken).ConfigureAwait(false);
            return true;
        }

        var parts = trimmed.Split('/');
        var (group, version) = parts switch
        {
            ["api", var v] => (string.Empty, v),
            ["apis", var g, var v] => (g, v),
            ["apis", var g] => (g, string.Empty),
            _ => (null, null),
        };
        if (group is null || version is null)
        {
            return false;
        }

        if (!ApiKinds.All.Any(k => k.Group == group && k.Version == version))
        {
            throw NotFound();
        }

        await ApiResponse.DocumentAsync(context, 200, w => DiscoveryDocuments.ResourceList(w, group, version), ApiResponse.Json, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static ApiError NotFound() => new(404, "NotFound", "the server could not find the requested resource");
}

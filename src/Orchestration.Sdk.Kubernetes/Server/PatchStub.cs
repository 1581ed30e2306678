using Microsoft.AspNetCore.Http;

namespace Orchestration.Sdk.Kubernetes.Server;

/// <summary>
/// PATCH of objects and their status, until the patch engines (JSON patch, merge patch, strategic merge patch) are
/// routed here: 415 with a Status that says what to use instead. The scale subresource's patch is served already.
/// </summary>
internal static class PatchStub
{
    public static Task HandleAsync(HttpContext context, ApiRequest request, CancellationToken cancellationToken)
    {
        var type = context.Request.ContentType ?? "none";
        throw new ApiError(415, "UnsupportedMediaType",
            $"the body of the request was in an unknown format - accepted media types include: (none yet for PATCH of {request.Kind.QualifiedResource}; got {type}); use kubectl replace or kubectl create instead");
    }
}

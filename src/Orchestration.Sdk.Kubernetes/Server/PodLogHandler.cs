using System.Globalization;
using Microsoft.AspNetCore.Http;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Kubernetes.Discovery;

namespace Orchestration.Sdk.Kubernetes.Server;

/// <summary>
/// <c>GET pods/NAME/log</c> with <c>container</c>, <c>previous</c> and <c>tailLines</c>: the container's output so far,
/// as text. Following (<c>follow=true</c>) streams belong to the pod streams handler; until it is routed here a follow
/// request gets the output so far and ends.
/// </summary>
internal sealed class PodLogHandler(IOrchestrationClient client)
{
    public async Task HandleAsync(HttpContext context, ApiRequest request, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var ns = request.Namespace ?? "default";
        if (await client.GetAsync<Model.Pod>(request.Name!, ns, cancellationToken).ConfigureAwait(false) is null)
        {
            throw ApiError.NotFound(ApiKinds.Pod, request.Name!);
        }

        string text;
        try
        {
            text = await client.GetLogsAsync(request.Name!, query["container"].FirstOrDefault(), query["previous"].FirstOrDefault() == "true", ns, cancellationToken).ConfigureAwait(false);
        }
        catch (OrchestrationException e)
        {
            throw ApiError.BadRequest(e.Message);
        }

        if (int.TryParse(query["tailLines"].FirstOrDefault(), CultureInfo.InvariantCulture, out var tail) && tail >= 0)
        {
            var lines = text.Split('\n');
            var hasFinalNewline = text.EndsWith('\n');
            var body = hasFinalNewline ? lines[..^1] : lines;
            text = string.Join('\n', body.Skip(Math.Max(0, body.Length - tail))) + (hasFinalNewline && tail > 0 ? "\n" : string.Empty);
        }

        await ApiResponse.TextAsync(context, 200, text, "text/plain", cancellationToken).ConfigureAwait(false);
    }
}

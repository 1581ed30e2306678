using Microsoft.AspNetCore.Http;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Kubernetes.Discovery;
using Orchestration.Sdk.Runtime.Streams;

namespace Orchestration.Sdk.Kubernetes.Server;

/// <summary>
/// <c>GET pods/NAME/log</c>: finds the pod (404 when absent) and hands the request to the pod streams'
/// <see cref="Streams.PodLogHandler"/>, which serves <c>container</c>, <c>previous</c>, <c>tailLines</c>, the since and
/// limit options and <c>follow=true</c> (lines flushed as the container writes them, until the client leaves).
/// </summary>
internal sealed class PodLogHandler(IOrchestrationClient client, IPodStreams streams, TimeProvider time)
{
    private readonly Streams.PodLogHandler _streams = new(streams, time);

    public async Task HandleAsync(HttpContext context, ApiRequest request, CancellationToken cancellationToken)
    {
        var pod = await client.GetAsync<Model.Pod>(request.Name!, request.Namespace ?? "default", cancellationToken).ConfigureAwait(false)
            ?? throw ApiError.NotFound(ApiKinds.Pod, request.Name!);
        await _streams.HandleAsync(context, pod).ConfigureAwait(false);
    }
}

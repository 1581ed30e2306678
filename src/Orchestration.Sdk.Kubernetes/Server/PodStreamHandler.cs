using Microsoft.AspNetCore.Http;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Kubernetes.Discovery;
using Orchestration.Sdk.Kubernetes.Streams;
using Orchestration.Sdk.Runtime.Streams;

namespace Orchestration.Sdk.Kubernetes.Server;

/// <summary>
/// <c>pods/NAME/exec</c> and <c>pods/NAME/portforward</c>: finds the pod (404 when absent) and hands the upgrade to
/// the stream handlers (WebSocket; port forwarding also as kubectl's SPDY-in-WebSocket tunnel).
/// </summary>
internal sealed class PodStreamHandler(IOrchestrationClient client, IPodStreams streams, TimeProvider time)
{
    private readonly PodExecHandler _exec = new(streams, time);
    private readonly PodPortForwardHandler _portForward = new(streams, time);

    public async Task HandleAsync(HttpContext context, ApiRequest request, CancellationToken cancellationToken)
    {
        var pod = await client.GetAsync<Model.Pod>(request.Name!, request.Namespace ?? "default", cancellationToken).ConfigureAwait(false)
            ?? throw ApiError.NotFound(ApiKinds.Pod, request.Name!);
        await (request.Subresource == "exec" ? _exec.HandleAsync(context, pod) : _portForward.HandleAsync(context, pod)).ConfigureAwait(false);
    }
}

using Microsoft.AspNetCore.Http;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime.Streams;

namespace Orchestration.Sdk.Kubernetes.Streams;

/// <summary>Checks a streaming request is a WebSocket upgrade with a subprotocol this server speaks.</summary>
internal static class StreamUpgrade
{
    /// <summary>
    /// False after writing the <c>Status</c> when the pod's runtime runs no processes. Checked before the protocol:
    /// kubectl retries a refused WebSocket upgrade over SPDY, and that second answer is the one it prints.
    /// </summary>
    public static async Task<bool> EnsureProcessesAsync(HttpContext context, IPodStreams streams, Pod pod, string verb)
    {
        try
        {
            streams.EnsureProcesses(pod, verb);
            return true;
        }
        catch (OrchestrationException e)
        {
            await StreamStatus.WriteErrorAsync(context, e).ConfigureAwait(false);
            return false;
        }
    }

    /// <summary>The protocol to accept, or null after writing the 400 <c>Status</c> that says why not.</summary>
    public static async Task<string?> NegotiateAsync(HttpContext context, IReadOnlyList<string> supported)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await StreamStatus.WriteAsync(
                context, 400, "BadRequest", $"Upgrade request required: this server streams over WebSocket ({string.Join(", ", supported)}), not SPDY")
                .ConfigureAwait(false);
            return null;
        }

        var protocol = StreamProtocols.Negotiate(context.WebSockets.WebSocketRequestedProtocols, supported);
        if (protocol is null)
        {
            var offered = string.Join(", ", context.WebSockets.WebSocketRequestedProtocols);
            await StreamStatus.WriteAsync(
                context, 400, "BadRequest", $"unable to upgrade: none of the requested subprotocols [{offered}] is supported; supported: {string.Join(", ", supported)}")
                .ConfigureAwait(false);
        }

        return protocol;
    }
}

using Microsoft.AspNetCore.Http;

namespace Orchestration.Sdk.Kubernetes.Streams;

/// <summary>Checks a streaming request is a WebSocket upgrade with a subprotocol this server speaks.</summary>
internal static class StreamUpgrade
{
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

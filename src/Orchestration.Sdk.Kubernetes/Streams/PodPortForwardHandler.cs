using System.Buffers.Binary;
using System.Globalization;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime.Streams;

namespace Orchestration.Sdk.Kubernetes.Streams;

/// <summary>
/// <c>GET /api/v1/namespaces/{ns}/pods/{name}/portforward</c> over WebSocket in two dialects. kubectl 1.31+ offers
/// <c>SPDY/3.1+portforward.k8s.io</c>: SPDY tunnelled in binary messages, ports named per connection in stream
/// headers (<see cref="Spdy.SpdyPortForward"/>). The KubernetesClient library offers <c>v4.channel.k8s.io</c> /
/// <c>channel.k8s.io</c> with <c>?ports=…</c>: the i-th port uses data channel 2i and error channel 2i+1, and the
/// server's first message on each channel is the port number (two bytes, little endian).
/// </summary>
public sealed class PodPortForwardHandler
{
    private readonly IPodStreams _streams;
    private readonly TimeProvider _time;

    /// <summary>Creates the handler.</summary>
    /// <param name="streams">Where the connections come from.</param>
    /// <param name="time">The clock of the close handshake's grace period; null for <see cref="TimeProvider.System"/>.</param>
    public PodPortForwardHandler(IPodStreams streams, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(streams);
        _streams = streams;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Serves one port-forward request; errors before the upgrade are a Kubernetes <c>Status</c>.</summary>
    /// <param name="context">The request; its <c>RequestAborted</c> ends the forwarding.</param>
    /// <param name="pod">The pod, already read and authorised by the server.</param>
    /// <returns>A task that completes when every forwarded connection has ended.</returns>
    public async Task HandleAsync(HttpContext context, Pod pod)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pod);
        if (!await StreamUpgrade.EnsureProcessesAsync(context, _streams, pod, "forward a port of").ConfigureAwait(false))
        {
            return;
        }

        if (context.WebSockets.IsWebSocketRequest
            && StreamProtocols.Negotiate(context.WebSockets.WebSocketRequestedProtocols, [StreamProtocols.SpdyPortForwardTunnel]) is { } tunnel)
        {
            await TunnelAsync(context, pod, tunnel).ConfigureAwait(false);
            return;
        }

        if (!TryParsePorts(context.Request.Query["ports"], out var ports, out var error))
        {
            await StreamStatus.WriteAsync(context, 400, "BadRequest", error).ConfigureAwait(false);
            return;
        }

        var protocol = await StreamUpgrade.NegotiateAsync(context, StreamProtocols.PortForward.Skip(1).ToList()).ConfigureAwait(false);
        if (protocol is null)
        {
            return;
        }

        var connections = new List<Stream>();
        try
        {
            foreach (var port in ports)
            {
                connections.Add(await _streams.PortForwardAsync(pod, port, context.RequestAborted).ConfigureAwait(false));
            }
        }
        catch (OrchestrationException e)
        {
            await DisposeAllAsync(connections).ConfigureAwait(false);
            await StreamStatus.WriteErrorAsync(context, e).ConfigureAwait(false);
            return;
        }

        try
        {
            using var socket = new ChannelWebSocket(await context.WebSockets.AcceptWebSocketAsync(protocol).ConfigureAwait(false));
            await new PortForwardPump(socket, ports, connections, _time).RunAsync(context.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            await DisposeAllAsync(connections).ConfigureAwait(false);
        }
    }

    private async Task TunnelAsync(HttpContext context, Pod pod, string protocol)
    {
        // .NET refuses a subprotocol with '/' (not an RFC 7230 token character), but kubectl asks for exactly this
        // one, so the response header is written here and the socket is accepted without a subprotocol of its own.
        context.Response.Headers.SecWebSocketProtocol = protocol;
        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        using var transport = new WebSocketByteStream(socket);
        using var connection = new Spdy.SpdyConnection(transport, new Spdy.SpdyPortForward(_streams, pod, _time).OnStreamAsync);
        try
        {
            await connection.RunAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Spdy.SpdyProtocolException or WebSocketException or IOException or OperationCanceledException)
        {
            // The client left or broke the framing; every forwarded connection has ended with the tunnel.
        }

        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
        }
    }

    internal static bool TryParsePorts(IEnumerable<string?> values, out IReadOnlyList<int> ports, out string error)
    {
        var parsed = new List<int>();
        ports = parsed;
        error = string.Empty;
        foreach (var item in values.SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            if (!int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                error = $"invalid port: \"{item}\": must be an integer between 1 and 65535";
                return false;
            }

            parsed.Add(port);
        }

        if (parsed.Count == 0)
        {
            error = "at least one port must be specified (query parameter \"ports\")";
            return false;
        }

        return true;
    }

    internal static byte[] PortPrefix(int port)
    {
        var prefix = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(prefix, (ushort)port);
        return prefix;
    }

    private static async Task DisposeAllAsync(List<Stream> connections)
    {
        foreach (var connection in connections)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}

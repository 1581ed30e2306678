using System.Buffers.Binary;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime.Streams;

namespace Orchestration.Sdk.Kubernetes.Streams;

/// <summary>
/// <c>GET /api/v1/namespaces/{ns}/pods/{name}/portforward?ports=…</c> over WebSocket, as the kubelet serves it
/// (<c>v4.channel.k8s.io</c> or <c>channel.k8s.io</c>): the i-th port uses data channel 2i and error channel 2i+1,
/// and the server's first message on each channel is the port number (two bytes, little endian).
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
        if (!TryParsePorts(context.Request.Query["ports"], out var ports, out var error))
        {
            await StreamStatus.WriteAsync(context, 400, "BadRequest", error).ConfigureAwait(false);
            return;
        }

        var protocol = await StreamUpgrade.NegotiateAsync(context, StreamProtocols.PortForward).ConfigureAwait(false);
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

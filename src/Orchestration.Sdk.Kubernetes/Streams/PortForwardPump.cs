using System.Net.WebSockets;

namespace Orchestration.Sdk.Kubernetes.Streams;

/// <summary>Moves bytes between the WebSocket's port channels and the TCP connections into the pod.</summary>
internal sealed class PortForwardPump
{
    private readonly ChannelWebSocket _socket;
    private readonly IReadOnlyList<int> _ports;
    private readonly IReadOnlyList<Stream> _connections;
    private readonly TimeProvider _time;

    public PortForwardPump(ChannelWebSocket socket, IReadOnlyList<int> ports, IReadOnlyList<Stream> connections, TimeProvider time)
    {
        _time = time;
        _socket = socket;
        _ports = ports;
        _connections = connections;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < _ports.Count; i++)
        {
            var prefix = PodPortForwardHandler.PortPrefix(_ports[i]);
            await _socket.SendAsync((byte)(2 * i), prefix, cancellationToken).ConfigureAwait(false);
            await _socket.SendAsync((byte)((2 * i) + 1), prefix, cancellationToken).ConfigureAwait(false);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var outbound = _connections.Select((c, i) => PumpFromPodAsync(c, (byte)(2 * i), stop.Token)).ToList();
        var inbound = PumpToPodAsync(stop.Token);
        await Task.WhenAny(Task.WhenAll(outbound), inbound).ConfigureAwait(false);
        await _socket.CloseAsync(CancellationToken.None).ConfigureAwait(false);

        // Give the client the close handshake (its close frame ends the inbound pump) before the connection goes.
        using (_time.CreateTimer(_ => stop.Cancel(), null, ChannelWebSocket.CloseGrace, Timeout.InfiniteTimeSpan))
        {
            await Quietly(inbound).ConfigureAwait(false);
        }

        await stop.CancelAsync().ConfigureAwait(false);
        await Quietly(Task.WhenAll(outbound)).ConfigureAwait(false);
    }

    private async Task PumpFromPodAsync(Stream connection, byte channel, CancellationToken cancellationToken)
    {
        var buffer = new byte[32 * 1024];
        int read;
        while ((read = await connection.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            await _socket.SendAsync(channel, buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task PumpToPodAsync(CancellationToken cancellationToken)
    {
        while (await _socket.ReceiveAsync(cancellationToken).ConfigureAwait(false) is var (channel, data))
        {
            var index = channel / 2;
            if (channel % 2 == 0 && index < _connections.Count && data.Length > 0)
            {
                await _connections[index].WriteAsync(data, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException)
        {
            // Either side ending ends the forwarding; the other side's read fails or is cancelled.
        }
    }
}

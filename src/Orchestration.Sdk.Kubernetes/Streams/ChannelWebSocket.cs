using System.Buffers;
using System.Net.WebSockets;

namespace Orchestration.Sdk.Kubernetes.Streams;

/// <summary>
/// A WebSocket carrying channel-prefixed binary messages: sends are serialised (several pumps write), receives
/// return one whole message as its channel and data.
/// </summary>
internal sealed class ChannelWebSocket : IDisposable
{
    /// <summary>How long a closing server waits for the client's close frame.</summary>
    public static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(5);

    private const int MaxMessageBytes = 1 << 20;
    private readonly WebSocket _socket;
    private readonly SemaphoreSlim _sending = new(1, 1);

    public ChannelWebSocket(WebSocket socket) => _socket = socket;

    public WebSocketState State => _socket.State;

    public async Task SendAsync(byte channel, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var frame = StreamProtocols.Frame(channel, data.Span);
        await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(frame, WebSocketMessageType.Binary, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>The next message, or null when the peer closed the socket.</summary>
    public async Task<(byte Channel, byte[] Data)?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var message = new MemoryStream();
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                message.Write(buffer, 0, result.Count);
                if (message.Length > MaxMessageBytes)
                {
                    throw new WebSocketException(WebSocketError.Faulted, $"a stream message is larger than {MaxMessageBytes} bytes");
                }

                if (result.EndOfMessage)
                {
                    break;
                }
            }

            if (message.Length == 0)
            {
                return (StreamProtocols.Stdin, []);
            }

            var bytes = message.ToArray();
            return (bytes[0], bytes[1..]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _sending.Release();
        }
    }

    public void Dispose() => _sending.Dispose();
}

using System.Buffers.Binary;
using System.Collections.Concurrent;

namespace Orchestration.Sdk.Kubernetes.Streams.Spdy;

/// <summary>
/// The server side of a SPDY/3.1 connection as Kubernetes' port forwarding uses it (moby/spdystream on the client):
/// every stream the client opens is answered at once with an empty SYN_REPLY and handed to a handler; pings are
/// echoed; SETTINGS and WINDOW_UPDATE are read and ignored (spdystream does no flow control); GOAWAY or the end
/// of the transport ends the connection and every stream. Writes are serialised, and header blocks are compressed
/// inside the write lock so the peer's inflater sees them in the order they were made.
/// </summary>
internal sealed class SpdyConnection : IDisposable
{
    private const int MaxFramePayload = 1 << 20;
    private readonly Stream _transport;
    private readonly Func<SpdyStream, CancellationToken, Task> _onStream;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly SpdyHeaderCompression _headers = new();
    private readonly ConcurrentDictionary<uint, SpdyStream> _streams = new();
    private readonly List<Task> _handlers = [];
    private uint _lastStreamId;

    public SpdyConnection(Stream transport, Func<SpdyStream, CancellationToken, Task> onStream)
    {
        _transport = transport;
        _onStream = onStream;
    }

    /// <summary>Reads frames until the peer goes away; then waits for the stream handlers to finish.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await SpdyFrame.ReadAsync(_transport, MaxFramePayload, cancellationToken).ConfigureAwait(false) is { } frame)
            {
                if (!await HandleAsync(frame, cancellationToken).ConfigureAwait(false))
                {
                    break;
                }
            }
        }
        finally
        {
            foreach (var stream in _streams.Values)
            {
                stream.RemoteEnded(reset: false);
            }

            Task[] handlers;
            lock (_handlers)
            {
                handlers = [.. _handlers];
            }

            await Task.WhenAll(handlers).ConfigureAwait(false);
        }
    }

    /// <summary>Tells the peer this side is done (GOAWAY), ignoring a transport already gone.</summary>
    public async Task GoAwayAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WriteAsync(SpdyFrame.GoAway(_lastStreamId), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or System.Net.WebSockets.WebSocketException)
        {
            // The peer left first.
        }
    }

    internal async Task SendDataAsync(uint streamId, ReadOnlyMemory<byte> data, bool fin, CancellationToken cancellationToken)
    {
        var offset = 0;
        do
        {
            var chunk = data.Slice(offset, Math.Min(MaxFramePayload, data.Length - offset));
            offset += chunk.Length;
            await WriteAsync(SpdyFrame.Data(streamId, chunk.Span, fin && offset == data.Length), cancellationToken).ConfigureAwait(false);
        }
        while (offset < data.Length);
    }

    internal Task SendResetAsync(uint streamId, uint status, CancellationToken cancellationToken)
    {
        _streams.TryRemove(streamId, out _);
        return WriteAsync(SpdyFrame.RstStream(streamId, status), cancellationToken);
    }

    public void Dispose()
    {
        _writing.Dispose();
        _headers.Dispose();
    }

    private async Task<bool> HandleAsync(SpdyFrame frame, CancellationToken cancellationToken)
    {
        if (!frame.IsControl)
        {
            if (_streams.TryGetValue(frame.StreamId, out var target))
            {
                if (frame.Payload.Length > 0)
                {
                    await target.DeliverAsync(frame.Payload, cancellationToken).ConfigureAwait(false);
                }

                if (frame.IsFin)
                {
                    target.RemoteEnded(reset: false);
                }
            }

            return true;
        }

        switch (frame.Type)
        {
            case SpdyFrameType.SynStream:
                await OpenAsync(frame, cancellationToken).ConfigureAwait(false);
                return true;
            case SpdyFrameType.Headers when frame.Payload.Length >= 4:
                // Inflated only to keep the shared zlib stream in step; port forwarding sends no trailing headers.
                _headers.Inflate(frame.Payload.AsSpan(4));
                return true;
            case SpdyFrameType.RstStream:
                if (_streams.TryRemove(frame.StreamId, out var reset))
                {
                    reset.RemoteEnded(reset: true);
                }

                return true;
            case SpdyFrameType.Ping:
                await WriteAsync(SpdyFrame.Control(SpdyFrameType.Ping, 0, frame.Payload), cancellationToken).ConfigureAwait(false);
                return true;
            case SpdyFrameType.GoAway:
                return false;
            default:
                return true;
        }
    }

    private async Task OpenAsync(SpdyFrame frame, CancellationToken cancellationToken)
    {
        if (frame.Payload.Length < 10)
        {
            throw new SpdyProtocolException("a SYN_STREAM frame is shorter than its fixed fields");
        }

        var headers = _headers.Inflate(frame.Payload.AsSpan(10));
        var id = frame.StreamId;
        if (id % 2 == 0 || id <= _lastStreamId)
        {
            await WriteAsync(SpdyFrame.RstStream(id, SpdyRstStatus.ProtocolError), cancellationToken).ConfigureAwait(false);
            return;
        }

        _lastStreamId = id;
        var stream = new SpdyStream(this, id, headers);
        _streams[id] = stream;
        if (frame.IsFin)
        {
            stream.RemoteEnded(reset: false);
        }

        await WriteReplyAsync(id, cancellationToken).ConfigureAwait(false);
        // Started inline after the reply: its synchronous part (pairing, the pair timer) is done before the next
        // frame is read, and anything it writes follows the SYN_REPLY the client must see first.
        var handler = _onStream(stream, cancellationToken);
        lock (_handlers)
        {
            _handlers.RemoveAll(t => t.IsCompleted);
            _handlers.Add(handler);
        }
    }

    private async Task WriteReplyAsync(uint streamId, CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var block = _headers.Deflate(new Dictionary<string, string>());
            var payload = new byte[4 + block.Length];
            BinaryPrimitives.WriteUInt32BigEndian(payload, streamId);
            block.CopyTo(payload.AsSpan(4));
            await _transport.WriteAsync(SpdyFrame.Control(SpdyFrameType.SynReply, 0, payload), cancellationToken).ConfigureAwait(false);
            await _transport.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writing.Release();
        }
    }

    private async Task WriteAsync(byte[] frame, CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _transport.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
            await _transport.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writing.Release();
        }
    }
}

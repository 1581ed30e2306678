using System.Threading.Channels;

namespace Orchestration.Sdk.Kubernetes.Streams.Spdy;

/// <summary>
/// One stream the peer opened: its headers, the data it sends (until its FIN or a reset) and the way back.
/// </summary>
internal sealed class SpdyStream
{
    private readonly SpdyConnection _connection;
    private readonly Channel<byte[]> _incoming = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(64) { SingleReader = true, SingleWriter = true });
    private int _closed;

    public SpdyStream(SpdyConnection connection, uint id, IReadOnlyDictionary<string, string> headers)
    {
        _connection = connection;
        Id = id;
        Headers = headers;
    }

    /// <summary>The stream id (odd: the client opened it).</summary>
    public uint Id { get; }

    /// <summary>The SYN_STREAM headers, names in lower case.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>Whether the peer reset the stream.</summary>
    public bool IsReset { get; private set; }

    /// <summary>A header's value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The next data the peer sent; null once it half-closed or reset the stream.</summary>
    public async ValueTask<byte[]?> ReadAsync(CancellationToken cancellationToken)
    {
        while (await _incoming.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_incoming.Reader.TryRead(out var data))
            {
                return data;
            }
        }

        return null;
    }

    /// <summary>Sends data on the stream (nothing once this side closed it).</summary>
    public Task WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
        Volatile.Read(ref _closed) != 0 || IsReset ? Task.CompletedTask : _connection.SendDataAsync(Id, data, fin: false, cancellationToken);

    /// <summary>Half-closes this side (an empty data frame with FIN), once.</summary>
    public Task CloseAsync(CancellationToken cancellationToken) =>
        Interlocked.Exchange(ref _closed, 1) != 0 || IsReset ? Task.CompletedTask : _connection.SendDataAsync(Id, ReadOnlyMemory<byte>.Empty, fin: true, cancellationToken);

    /// <summary>Refuses or abandons the stream with RST_STREAM.</summary>
    public Task ResetAsync(uint status, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _closed, 1);
        RemoteEnded(reset: true);
        return _connection.SendResetAsync(Id, status, cancellationToken);
    }

    internal ValueTask DeliverAsync(byte[] data, CancellationToken cancellationToken) =>
        _incoming.Writer.TryWrite(data) ? ValueTask.CompletedTask : WriteSlowAsync(data, cancellationToken);

    internal void RemoteEnded(bool reset)
    {
        IsReset |= reset;
        _incoming.Writer.TryComplete();
    }

    private async ValueTask WriteSlowAsync(byte[] data, CancellationToken cancellationToken)
    {
        try
        {
            await _incoming.Writer.WriteAsync(data, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            // The stream was reset while the data waited; it is dropped, as the peer asked.
        }
    }
}

using System.Buffers.Binary;
using ICSharpCode.SharpZipLib.Zip.Compression;
using Orchestration.Sdk.Kubernetes.Streams.Spdy;

namespace Orchestration.Sdk.Kubernetes.Tests.Streams.Spdy;

/// <summary>
/// The client side as moby/spdystream writes it: odd stream ids, header blocks compressed on one zlib stream with
/// the SPDY/3 dictionary (so the server's dictionary path is exercised), every frame read back into a list.
/// </summary>
internal sealed class SpdyTestClient(Stream transport)
{
    private readonly Deflater _deflater = CreateDeflater();
    private readonly SpdyHeaderCompression _inflater = new();
    private uint _nextId = 1;

    public async Task<uint> OpenAsync(string streamType, string port, string requestId, bool fin = false)
    {
        var id = _nextId;
        _nextId += 2;
        var block = Compress(SpdyHeaderCompression.Encode(new Dictionary<string, string> { ["streamtype"] = streamType, ["port"] = port, ["requestid"] = requestId }));
        var payload = new byte[10 + block.Length];
        BinaryPrimitives.WriteUInt32BigEndian(payload, id);
        block.CopyTo(payload.AsSpan(10));
        await transport.WriteAsync(SpdyFrame.Control(SpdyFrameType.SynStream, fin ? SpdyFrame.FlagFin : (byte)0, payload));
        return id;
    }

    public Task SendAsync(uint id, byte[] data, bool fin = false) => transport.WriteAsync(SpdyFrame.Data(id, data, fin)).AsTask();

    public Task PingAsync(uint pingId)
    {
        var payload = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(payload, pingId);
        return transport.WriteAsync(SpdyFrame.Control(SpdyFrameType.Ping, 0, payload)).AsTask();
    }

    /// <summary>The next frame from the server (within 10 s), with SYN_REPLY header blocks inflated.</summary>
    public async Task<(SpdyFrame Frame, IReadOnlyDictionary<string, string>? Headers)> ReadAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var frame = await SpdyFrame.ReadAsync(transport, 1 << 20, limit.Token) ?? throw new EndOfStreamException("the server closed the connection");
        var headers = frame.IsControl && frame.Type == SpdyFrameType.SynReply ? _inflater.Inflate(frame.Payload.AsSpan(4)) : null;
        return (frame, headers);
    }

    /// <summary>Reads frames until <paramref name="done"/> holds for one; returns every frame read.</summary>
    public async Task<List<SpdyFrame>> ReadUntilAsync(Func<SpdyFrame, bool> done)
    {
        var frames = new List<SpdyFrame>();
        while (true)
        {
            var (frame, _) = await ReadAsync();
            frames.Add(frame);
            if (done(frame))
            {
                return frames;
            }
        }
    }

    private static Deflater CreateDeflater()
    {
        var deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.SetDictionary(SpdyDictionary.Bytes);
        return deflater;
    }

    private byte[] Compress(byte[] plain)
    {
        _deflater.SetInput(plain);
        _deflater.Flush();
        using var output = new MemoryStream();
        var buffer = new byte[4096];
        int n;
        while ((n = _deflater.Deflate(buffer)) > 0)
        {
            output.Write(buffer, 0, n);
        }

        return output.ToArray();
    }
}

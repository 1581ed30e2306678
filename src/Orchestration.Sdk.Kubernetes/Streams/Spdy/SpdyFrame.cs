using System.Buffers.Binary;

namespace Orchestration.Sdk.Kubernetes.Streams.Spdy;

/// <summary>
/// One SPDY/3 frame (draft-mbelshe-httpbis-spdy-00 §2.2). A data frame carries a stream id; a control frame carries
/// its type and a payload whose layout depends on the type. Written by hand: no maintained .NET SPDY library exists,
/// and the port-forward tunnel needs only framing, not HTTP semantics.
/// </summary>
/// <param name="IsControl">Whether this is a control frame.</param>
/// <param name="Type">The control frame type (<see cref="SpdyFrameType"/>); 0 for data.</param>
/// <param name="StreamId">The data frame's stream; for control frames read from the payload where the type has one.</param>
/// <param name="Flags">The frame flags (<see cref="SpdyFrame.FlagFin"/>…).</param>
/// <param name="Payload">The frame's data after the 8-byte header.</param>
internal readonly record struct SpdyFrame(bool IsControl, ushort Type, uint StreamId, byte Flags, byte[] Payload)
{
    /// <summary>The protocol version in every control frame.</summary>
    public const ushort Version = 3;

    /// <summary>FLAG_FIN: the sender will send nothing more on the stream.</summary>
    public const byte FlagFin = 0x01;

    /// <summary>The largest payload a frame's 24-bit length can carry.</summary>
    public const int MaxPayload = (1 << 24) - 1;

    /// <summary>Whether the sender half-closed the stream with this frame.</summary>
    public bool IsFin => (Flags & FlagFin) != 0;

    /// <summary>Reads one frame; null at the end of the transport (also in the middle of a frame header).</summary>
    public static async Task<SpdyFrame?> ReadAsync(Stream transport, int maxPayload, CancellationToken cancellationToken)
    {
        var header = new byte[8];
        if (!await FillAsync(transport, header, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var first = BinaryPrimitives.ReadUInt32BigEndian(header);
        var flags = header[4];
        var length = (int)(BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4)) & 0x00FFFFFF);
        if (length > maxPayload)
        {
            throw new SpdyProtocolException($"a frame of {length} bytes is larger than the limit of {maxPayload}");
        }

        var payload = new byte[length];
        if (!await FillAsync(transport, payload, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var isControl = (first & 0x80000000) != 0;
        if (!isControl)
        {
            return new SpdyFrame(false, 0, first & 0x7FFFFFFF, flags, payload);
        }

        var version = (ushort)((first >> 16) & 0x7FFF);
        if (version != Version)
        {
            throw new SpdyProtocolException($"unsupported SPDY version {version}; this server speaks SPDY/3.1");
        }

        var type = (ushort)(first & 0xFFFF);
        var streamId = length >= 4 && type is SpdyFrameType.SynStream or SpdyFrameType.SynReply or SpdyFrameType.RstStream
            or SpdyFrameType.Headers or SpdyFrameType.WindowUpdate
            ? BinaryPrimitives.ReadUInt32BigEndian(payload) & 0x7FFFFFFF
            : 0;
        return new SpdyFrame(true, type, streamId, flags, payload);
    }

    /// <summary>The bytes of a data frame.</summary>
    public static byte[] Data(uint streamId, ReadOnlySpan<byte> data, bool fin)
    {
        var frame = new byte[8 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame, streamId & 0x7FFFFFFF);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)data.Length | ((uint)(fin ? FlagFin : 0) << 24));
        data.CopyTo(frame.AsSpan(8));
        return frame;
    }

    /// <summary>The bytes of a control frame with <paramref name="payload"/>.</summary>
    public static byte[] Control(ushort type, byte flags, ReadOnlySpan<byte> payload)
    {
        var frame = new byte[8 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame, 0x80000000 | ((uint)Version << 16) | type);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)payload.Length | ((uint)flags << 24));
        payload.CopyTo(frame.AsSpan(8));
        return frame;
    }

    /// <summary>RST_STREAM with a status code (<see cref="SpdyRstStatus"/>).</summary>
    public static byte[] RstStream(uint streamId, uint status)
    {
        var payload = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(payload, streamId & 0x7FFFFFFF);
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(4), status);
        return Control(SpdyFrameType.RstStream, 0, payload);
    }

    /// <summary>GOAWAY naming the last stream this side processed.</summary>
    public static byte[] GoAway(uint lastGoodStreamId)
    {
        var payload = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(payload, lastGoodStreamId & 0x7FFFFFFF);
        return Control(SpdyFrameType.GoAway, 0, payload);
    }

    private static async Task<bool> FillAsync(Stream transport, byte[] buffer, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await transport.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }
}

/// <summary>The SPDY/3 control frame types.</summary>
internal static class SpdyFrameType
{
    public const ushort SynStream = 1;
    public const ushort SynReply = 2;
    public const ushort RstStream = 3;
    public const ushort Settings = 4;
    public const ushort Ping = 6;
    public const ushort GoAway = 7;
    public const ushort Headers = 8;
    public const ushort WindowUpdate = 9;
}

/// <summary>The RST_STREAM status codes this server sends.</summary>
internal static class SpdyRstStatus
{
    public const uint ProtocolError = 1;
    public const uint InvalidStream = 2;
    public const uint RefusedStream = 3;
    public const uint Cancel = 5;
    public const uint InternalError = 6;
}

/// <summary>The peer broke the SPDY framing; the connection ends.</summary>
internal sealed class SpdyProtocolException(string message) : Exception(message);

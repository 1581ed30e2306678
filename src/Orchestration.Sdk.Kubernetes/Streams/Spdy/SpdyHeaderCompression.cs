using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using ICSharpCode.SharpZipLib.Zip.Compression;

namespace Orchestration.Sdk.Kubernetes.Streams.Spdy;

/// <summary>
/// SPDY/3 name/value header blocks (§2.6.10): a count, then length-prefixed names and values, compressed with one
/// zlib stream per direction for the whole connection, flushed (sync flush) after each block. The peer compresses
/// with the protocol's preset dictionary, so inflation goes through SharpZipLib (System.IO.Compression takes no
/// dictionary); this side's blocks need no dictionary (a reader only uses one when the stream header asks for it).
/// Not thread-safe: the connection calls it under its read loop (inflate) and its write lock (deflate).
/// </summary>
internal sealed class SpdyHeaderCompression : IDisposable
{
    private const int MaxHeaderBytes = 256 * 1024;
    private readonly Inflater _inflater = new();
    private readonly MemoryStream _deflated = new();
    private readonly ZLibStream _deflater;

    public SpdyHeaderCompression() => _deflater = new ZLibStream(_deflated, CompressionLevel.Fastest, leaveOpen: true);

    /// <summary>Inflates one compressed header block and parses it; names are lower case as the protocol requires.</summary>
    public IReadOnlyDictionary<string, string> Inflate(ReadOnlySpan<byte> block)
    {
        _inflater.SetInput(block.ToArray());
        using var plain = new MemoryStream();
        var buffer = new byte[4096];
        while (true)
        {
            var n = _inflater.Inflate(buffer);
            if (n > 0)
            {
                plain.Write(buffer, 0, n);
                if (plain.Length > MaxHeaderBytes)
                {
                    throw new SpdyProtocolException($"a header block is larger than {MaxHeaderBytes} bytes");
                }

                continue;
            }

            if (_inflater.IsNeedingDictionary)
            {
                _inflater.SetDictionary(SpdyDictionary.Bytes);
                continue;
            }

            break;
        }

        return Parse(plain.GetBuffer().AsSpan(0, (int)plain.Length));
    }

    /// <summary>Encodes and compresses a header block (sync-flushed, so the peer can inflate it at once).</summary>
    public byte[] Deflate(IReadOnlyDictionary<string, string> headers)
    {
        var plain = Encode(headers);
        _deflated.SetLength(0);
        _deflater.Write(plain);
        _deflater.Flush();
        return _deflated.ToArray();
    }

    public void Dispose()
    {
        _deflater.Dispose();
        _deflated.Dispose();
    }

    /// <summary>The uncompressed block: a 32-bit count, then each name and value with a 32-bit length.</summary>
    internal static byte[] Encode(IReadOnlyDictionary<string, string> headers)
    {
        using var block = new MemoryStream();
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, headers.Count);
        block.Write(length);
        foreach (var (name, value) in headers)
        {
            foreach (var text in new[] { name.ToLowerInvariant(), value })
            {
                var bytes = Encoding.UTF8.GetBytes(text);
                BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
                block.Write(length);
                block.Write(bytes);
            }
        }

        return block.ToArray();
    }

    /// <summary>Parses an uncompressed block; a value holding several NUL-separated values keeps the first.</summary>
    internal static IReadOnlyDictionary<string, string> Parse(ReadOnlySpan<byte> block)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        var offset = 0;
        var count = ReadLength(block, ref offset);
        for (var i = 0; i < count; i++)
        {
            var name = ReadString(block, ref offset).ToLowerInvariant();
            var value = ReadString(block, ref offset);
            var nul = value.IndexOf('\0', StringComparison.Ordinal);
            headers[name] = nul < 0 ? value : value[..nul];
        }

        return headers;
    }

    private static string ReadString(ReadOnlySpan<byte> block, ref int offset)
    {
        var length = ReadLength(block, ref offset);
        if (block.Length - offset < length)
        {
            throw new SpdyProtocolException("a header block ends inside a name or value");
        }

        var text = Encoding.UTF8.GetString(block.Slice(offset, length));
        offset += length;
        return text;
    }

    private static int ReadLength(ReadOnlySpan<byte> block, ref int offset)
    {
        if (block.Length - offset < 4)
        {
            throw new SpdyProtocolException("a header block ends inside a length");
        }

        var value = BinaryPrimitives.ReadInt32BigEndian(block[offset..]);
        offset += 4;
        if (value < 0 || value > MaxHeaderBytes)
        {
            throw new SpdyProtocolException($"a header block has an invalid length {value}");
        }

        return value;
    }
}

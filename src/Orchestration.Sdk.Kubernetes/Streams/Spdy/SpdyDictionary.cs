using System.Buffers.Binary;
using System.Text;

namespace Orchestration.Sdk.Kubernetes.Streams.Spdy;

/// <summary>
/// The SPDY/3 header compression dictionary (§2.6.10.1): the common header words, each with a 32-bit big-endian
/// length, then the status codes, reason phrases, dates and media types as one run of text. 1,423 bytes, Adler-32
/// 0xE3C6A7C2 (the DICTID a peer's zlib stream names).
/// </summary>
internal static class SpdyDictionary
{
    private static readonly string[] Words =
    [
        "options", "head", "post", "put", "delete", "trace",
        "accept", "accept-charset", "accept-encoding", "accept-language", "accept-ranges", "age",
        "allow", "authorization", "cache-control", "connection", "content-base", "content-encoding",
        "content-language", "content-length", "content-location", "content-md5", "content-range", "content-type",
        "date", "etag", "expect", "expires", "from", "host",
        "if-match", "if-modified-since", "if-none-match", "if-range", "if-unmodified-since", "last-modified",
        "location", "max-forwards", "pragma", "proxy-authenticate", "proxy-authorization", "range",
        "referer", "retry-after", "server", "te", "trailer", "transfer-encoding",
        "upgrade", "user-agent", "vary", "via", "warning", "www-authenticate",
        "method", "get", "status", "200 OK", "version", "HTTP/1.1",
        "url", "public", "set-cookie", "keep-alive", "origin",
    ];

    private const string Tail = ""
        + "100101201202205206300302303304305306307402405406407408409410411412413414415416417502504505"
        + "203 Non-Authoritative Information"
        + "204 No Content"
        + "301 Moved Permanently"
        + "400 Bad Request"
        + "401 Unauthorized"
        + "403 Forbidden"
        + "404 Not Found"
        + "500 Internal Server Error"
        + "501 Not Implemented"
        + "503 Service Unavailable"
        + "Jan Feb Mar Apr May Jun Jul Aug Sept Oct Nov Dec 00:00:00 Mon, Tue, Wed, Thu, Fri, Sat, Sun, GMT"
        + "chunked,text/html,image/png,image/jpg,image/gif,application/xml,application/xhtml+xml,text/plain,text/javascript,public"
        + "privatemax-age=gzip,deflate,sdchcharset=utf-8charset=iso-8859-1,utf-,*,enq=0.";

    /// <summary>The dictionary's bytes.</summary>
    public static byte[] Bytes { get; } = Build();

    private static byte[] Build()
    {
        using var bytes = new MemoryStream();
        Span<byte> length = stackalloc byte[4];
        foreach (var word in Words)
        {
            BinaryPrimitives.WriteInt32BigEndian(length, word.Length);
            bytes.Write(length);
            bytes.Write(Encoding.ASCII.GetBytes(word));
        }

        bytes.Write(Encoding.ASCII.GetBytes(Tail));
        return bytes.ToArray();
    }
}

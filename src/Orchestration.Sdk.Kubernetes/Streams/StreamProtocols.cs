namespace Orchestration.Sdk.Kubernetes.Streams;

/// <summary>
/// The WebSocket subprotocols of the streaming subresources (k8s.io/apimachinery remotecommand and the kubelet's
/// port forwarding). Every binary message starts with a channel byte; the rest is that channel's data.
/// </summary>
internal static class StreamProtocols
{
    /// <summary>Exec with a close signal: a message on channel 255 whose data is a channel number half-closes it.</summary>
    public const string V5 = "v5.channel.k8s.io";

    /// <summary>Exec with a JSON <c>Status</c> on the error channel and terminal resize on channel 4.</summary>
    public const string V4 = "v4.channel.k8s.io";

    /// <summary>The original channel protocol (port forwarding, as the kubelet serves it over WebSocket).</summary>
    public const string V1 = "channel.k8s.io";

    /// <summary>SPDY/3.1 carried in binary WebSocket messages: how kubectl 1.31+ port-forwards (client-go's tunneling dialer).</summary>
    public const string SpdyPortForwardTunnel = "SPDY/3.1+portforward.k8s.io";

    public const byte Stdin = 0;
    public const byte Stdout = 1;
    public const byte Stderr = 2;
    public const byte Error = 3;
    public const byte Resize = 4;
    public const byte Close = 255;

    /// <summary>The exec protocols in order of preference.</summary>
    public static readonly IReadOnlyList<string> Exec = [V5, V4];

    /// <summary>The port-forward protocols in order of preference.</summary>
    public static readonly IReadOnlyList<string> PortForward = [SpdyPortForwardTunnel, V4, V1];

    /// <summary>The first supported protocol the client offered, or null.</summary>
    public static string? Negotiate(IEnumerable<string> offered, IReadOnlyList<string> supported)
    {
        var set = offered.SelectMany(o => o.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
        return supported.FirstOrDefault(set.Contains);
    }

    /// <summary>A message: the channel byte, then the data.</summary>
    public static byte[] Frame(byte channel, ReadOnlySpan<byte> data)
    {
        var frame = new byte[data.Length + 1];
        frame[0] = channel;
        data.CopyTo(frame.AsSpan(1));
        return frame;
    }
}

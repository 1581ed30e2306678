namespace Orchestration.Sdk.Runtime.Streams;

/// <summary>Which part of a container's output to stream (the query of <c>GET pods/{name}/log</c>).</summary>
public sealed record ContainerLogOptions
{
    /// <summary>Keep streaming new output until the container stops.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool Follow { get; init; }

    /// <summary>Only the last this many lines; null for all of them.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public long? TailLines { get; init; }

    /// <summary>Only output written at or after this time; null for all of it.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Prefix every line with its RFC 3339 timestamp (nanoseconds), as the kubelet does.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool Timestamps { get; init; }
}

namespace Orchestration.Sdk.Model;

/// <summary>A TCP probe: a connection that opens is a success.</summary>
public sealed record TcpSocketAction
{
    /// <summary>The port number; it must be one the container declares. <value>The default value is null: <see cref="PortName"/>.</value></summary>
    public int? Port { get; init; }

    /// <summary>The name of a port the container declares. <value>The default value is null: <see cref="Port"/>.</value></summary>
    public string? PortName { get; init; }

    /// <summary>The host to connect to. <value>The default value is null: the pod's address.</value></summary>
    public string? Host { get; init; }
}

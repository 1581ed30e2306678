namespace Orchestration.Sdk.Model;

/// <summary>An HTTP GET probe: a response status from 200 to 399 is a success.</summary>
public sealed record HttpGetAction
{
    /// <summary>The path requested. <value>The default value is "/".</value></summary>
    public string Path { get; init; } = "/";

    /// <summary>The port number; it must be one the container declares. <value>The default value is null: <see cref="PortName"/>.</value></summary>
    public int? Port { get; init; }

    /// <summary>The name of a port the container declares. <value>The default value is null: <see cref="Port"/>.</value></summary>
    public string? PortName { get; init; }

    /// <summary>"HTTP" or "HTTPS". <value>The default value is "HTTP".</value></summary>
    public string Scheme { get; init; } = "HTTP";

    /// <summary>The host to connect to. <value>The default value is null: the pod's address.</value></summary>
    public string? Host { get; init; }
}

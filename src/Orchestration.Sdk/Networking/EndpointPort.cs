namespace Orchestration.Sdk.Networking;

/// <summary>A service port resolved to a pod's container port.</summary>
/// <param name="Name">The service port's name, or null when it has none.</param>
/// <param name="Port">The container port number (the resolved target port).</param>
/// <param name="Protocol">The protocol. <value>The default value is "TCP".</value></param>
public sealed record EndpointPort(string? Name, int Port, string Protocol = "TCP");

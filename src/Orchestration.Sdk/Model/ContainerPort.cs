namespace Orchestration.Sdk.Model;

/// <summary>A port a container listens on.</summary>
/// <param name="Number">The port number, 1–65535.</param>
/// <param name="Name">An optional name (an IANA_SVC_NAME: at most 15 characters, lower case letters, digits and '-').</param>
/// <param name="Protocol">The protocol. <value>The default value is "TCP".</value></param>
public sealed record ContainerPort(int Number, string? Name = null, string Protocol = "TCP");

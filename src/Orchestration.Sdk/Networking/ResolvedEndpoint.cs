namespace Orchestration.Sdk.Networking;

/// <summary>A Ready pod behind a service, with the port to call it on.</summary>
/// <param name="Service">The service's name.</param>
/// <param name="PodName">The pod's name.</param>
/// <param name="NodeName">The node the pod runs on.</param>
/// <param name="Address">The pod's IP address.</param>
/// <param name="Port">The resolved container port.</param>
public sealed record ResolvedEndpoint(string Service, string PodName, string NodeName, string Address, int Port)
{
    /// <summary>The endpoint as <c>address:port</c>.</summary>
    public override string ToString() => $"{Address}:{Port}";
}

namespace Orchestration.Sdk.Networking.Proxy;

/// <summary>
/// Options of the service proxy a runtime without virtual cluster IPs runs (on Docker: a listener per service port on
/// the app network's gateway, and per host port on <see cref="HostAddress"/>).
/// </summary>
public sealed class ServiceProxyOptions
{
    /// <summary>
    /// How long the proxy waits for a backend pod to accept a connection before it tries the next ready one.
    /// <value>The default value is 2 seconds.</value>
    /// </summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The host address on which services of type NodePort (host-reachable) listen on their host port.
    /// <value>The default value is "127.0.0.1".</value>
    /// </summary>
    public string HostAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// How often the proxy tries again to listen on a port it could not take (another process held it), when nothing
    /// else changes meanwhile. <value>The default value is 5 seconds.</value>
    /// </summary>
    public TimeSpan ListenRetryInterval { get; set; } = TimeSpan.FromSeconds(5);
}

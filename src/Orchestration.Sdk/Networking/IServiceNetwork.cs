using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Networking;

/// <summary>
/// How a runtime makes services reachable from its containers when it has no virtual cluster IPs: one address that
/// every container reaches (on Docker the app network's gateway), where the service proxy listens for every service
/// port in the style of kube-proxy's userspace mode, and the services' names written into each pod's hosts file.
/// A runtime provides it by calling <c>UseServiceProxy&lt;TServiceNetwork&gt;()</c> on the orchestration builder, which
/// also runs the service proxy; without one (the in-memory runtime) services get addresses from the service CIDR and
/// nothing listens on them. Members may be called concurrently (the endpoints controller and the proxy both ask for the address).
/// </summary>
public interface IServiceNetwork
{
    /// <summary>
    /// The address every service gets as its cluster IP and the proxy listens on: an IPv4 address of this host that the
    /// runtime's containers reach. Creates what it needs (a network) on first use; later calls return the same address.
    /// A failure (<see cref="ContainerRuntimeException"/>) is retried: by the proxy every second, by the endpoints
    /// controller with its per-service back-off, until it succeeds or the orchestrator stops.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The address, in dotted-quad form.</returns>
    ValueTask<string> GetServiceAddressAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Makes <paramref name="hosts"/> (the complete set of service entries, replacing the last one) resolvable in every
    /// running pod, and in every pod created from now on, as the kubelet writes a pod's hosts file. Idempotent: publishing
    /// the same set again changes nothing. A failure (<see cref="ContainerRuntimeException"/>) is logged by the proxy,
    /// which publishes again after <see cref="Proxy.ServiceProxyOptions.ListenRetryInterval"/> (or at its next change).
    /// </summary>
    /// <param name="hosts">The complete set of service entries (address and names).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when every running pod has the entries.</returns>
    Task PublishHostsAsync(IReadOnlyList<HostAlias> hosts, CancellationToken cancellationToken);
}

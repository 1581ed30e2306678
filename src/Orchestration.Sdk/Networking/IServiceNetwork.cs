using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Networking;

/// <summary>
/// How a runtime makes services reachable from its containers when it has no virtual cluster IPs: one address that
/// every container reaches (on Docker the app network's gateway, where the service proxy listens, in the style of
/// kube-proxy's userspace mode), and the services' names written into each pod's hosts file. A runtime that registers
/// this also runs the service proxy (Networking/Proxy/ServiceProxy).
/// </summary>
internal interface IServiceNetwork
{
    /// <summary>The address every service gets as its cluster IP (creating the network when needed).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<string> GetServiceAddressAsync(CancellationToken cancellationToken);

    /// <summary>Rewrites the service entries of every running pod's hosts file (services created after a pod started).</summary>
    /// <param name="hosts">The complete set of service entries.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task PublishHostsAsync(IReadOnlyList<HostAlias> hosts, CancellationToken cancellationToken);

    /// <summary>
    /// Whether a host port may be given to a service that did not ask for one: nothing on the host listens on it and no
    /// other app in this process took it. A port accepted here stays taken for this process.
    /// </summary>
    /// <param name="port">The candidate port.</param>
    bool TryReserveHostPort(int port);
}

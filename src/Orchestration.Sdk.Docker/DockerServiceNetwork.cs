using Orchestration.Sdk.Networking;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker;

/// <summary>
/// Services on Docker: every service's address is the app network's gateway, where the in-process service proxy
/// listens (one listener per service port), and each pod's hosts file names every service.
/// </summary>
internal sealed class DockerServiceNetwork(INodeProvider nodes) : IServiceNetwork
{
    private DockerContainerRuntime Runtime => nodes is DockerNodeProvider docker
        ? docker.Runtime
        : throw new InvalidOperationException("the Docker service network needs the Docker node provider (UseDocker)");

    public async ValueTask<string> GetServiceAddressAsync(CancellationToken cancellationToken) =>
        await Runtime.GetNetworkGatewayAsync(cancellationToken).ConfigureAwait(false);

    public Task PublishHostsAsync(IReadOnlyList<HostAlias> hosts, CancellationToken cancellationToken) =>
        Runtime.WriteHostsAsync(hosts, cancellationToken);
}

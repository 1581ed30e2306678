using Microsoft.Extensions.Options;
using Orchestration.Sdk.Networking;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker;

/// <summary>
/// Services on Docker: every service's address is <see cref="DockerRuntimeOptions.ServiceAddress"/>, else the first
/// engine's app network gateway, where the in-process service proxy listens (one listener per service port), and each
/// pod's hosts file, on every engine, names every service.
/// </summary>
internal sealed class DockerServiceNetwork(INodeProvider nodes, IOptions<DockerRuntimeOptions> options) : IServiceNetwork
{
    private DockerNodeProvider Docker => nodes as DockerNodeProvider
        ?? throw new InvalidOperationException("the Docker service network needs the Docker node provider (UseDocker)");

    public async ValueTask<string> GetServiceAddressAsync(CancellationToken cancellationToken) =>
        options.Value.ServiceAddress is { Length: > 0 } configured
            ? configured
            : await Docker.Runtime.GetNetworkGatewayAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Writes the hosts files on every engine that answers its heartbeats, at once, so an engine that does not answer
    /// holds up neither the others nor the proxy; then fails naming the engines skipped, so the proxy publishes again
    /// (after its retry interval) until they have the entries too. A pod started meanwhile gets them at its start.
    /// </summary>
    public async Task PublishHostsAsync(IReadOnlyList<HostAlias> hosts, CancellationToken cancellationToken)
    {
        var docker = Docker;
        var skipped = docker.Nodes.Where(n => !((DockerContainerRuntime)n.Runtime).IsAnswering).Select(n => n.Name).ToList();
        await docker.OnEveryEngineAsync(r => r.IsAnswering ? r.WriteHostsAsync(hosts, cancellationToken) : Task.CompletedTask).ConfigureAwait(false);
        if (skipped.Count > 0)
        {
            throw new ContainerRuntimeException(
                $"service host names not written on {string.Join(", ", skipped)}: the engine misses its heartbeats; retried later")
            {
                Reason = "RuntimeUnavailable",
            };
        }
    }
}

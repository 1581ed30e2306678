using System.Net;
using System.Net.Sockets;
using Docker.DotNet.Models;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker;

/// <summary>
/// The app network as the service proxy needs it: its gateway (the host's address on the bridge, where the proxy
/// listens for every service) and the service names in the pods' hosts files.
/// </summary>
internal sealed partial class DockerContainerRuntime
{
    private string? _gateway;

    // The service entries last published by the proxy, and how often they changed: a sandbox created while they change
    // rewrites its hosts file once it runs, so no pod misses a service.
    private volatile IReadOnlyList<HostAlias> _serviceHosts = [];
    private int _serviceHostsVersion;

    /// <summary>The app network's IPv4 gateway, creating the network when needed.</summary>
    public async Task<string> GetNetworkGatewayAsync(CancellationToken cancellationToken)
    {
        if (_gateway is { } known)
        {
            return known;
        }

        var name = await EnsureNetworkAsync(cancellationToken).ConfigureAwait(false);
        var network = await _calls.ExecuteAsync("inspect network", ct => _client.Networks.InspectNetworkAsync(name, ct), cancellationToken)
            .ConfigureAwait(false);
        var gateway = network.IPAM?.Config?
            .Select(c => c.Gateway)
            .FirstOrDefault(g => IPAddress.TryParse(g, out var ip) && ip.AddressFamily == AddressFamily.InterNetwork);
        _gateway = gateway ?? throw new ContainerRuntimeException($"network {name} has no IPv4 gateway for the service proxy to listen on")
        {
            Reason = "NetworkError",
        };
        return gateway;
    }

    /// <summary>
    /// Rewrites the hosts file of every running sandbox of the app (its containers share it): the standard entries, the
    /// services, and the pod's own name. Needs a shell in the sandbox image (the built-in pause image has busybox).
    /// </summary>
    public async Task WriteHostsAsync(IReadOnlyList<HostAlias> services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        _serviceHosts = services;
        Interlocked.Increment(ref _serviceHostsVersion);
        var selector = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [RuntimeLabels.App] = _options.AppName,
            [RuntimeLabels.Sandbox] = "true",
        };
        var sandboxes = await ListInspectedAsync(selector, cancellationToken).ConfigureAwait(false);
        foreach (var sandbox in sandboxes.Where(s => s.State is { Running: true }))
        {
            await WriteHostsFileAsync(sandbox, services, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The service entries a new sandbox starts with: the agent's view merged with the proxy's last.</summary>
    private (IReadOnlyList<HostAlias> Hosts, int Version) ServiceHostsFor(PodSandboxRequest request)
    {
        var version = Volatile.Read(ref _serviceHostsVersion);
        var published = _serviceHosts;
        var names = published.SelectMany(h => h.HostNames).ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<HostAlias> merged =
        [
            .. published,
            .. request.HostAliases.Select(h => h with { HostNames = [.. h.HostNames.Where(n => !names.Contains(n))] }).Where(h => h.HostNames.Count > 0),
        ];
        return (merged, version);
    }

    /// <summary>Rewrites a started sandbox's hosts file when the services changed while it was being created.</summary>
    private async Task CatchUpHostsAsync(ContainerInspectResponse sandbox, int version, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _serviceHostsVersion) != version)
        {
            await WriteHostsFileAsync(sandbox, _serviceHosts, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WriteHostsFileAsync(ContainerInspectResponse sandbox, IReadOnlyList<HostAlias> services, CancellationToken cancellationToken)
    {
        var own = DockerContainerMapper.ToPodSandbox(sandbox, _options.EffectiveNetworkName).IPAddress;
        var content = HostsFile.Render(services, own, sandbox.Config?.Hostname);
        var (exitCode, output) = await ExecAsync(sandbox.ID, ["/bin/sh", "-c", "printf '%s' \"$1\" > /etc/hosts", "sh", content], cancellationToken)
            .ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new ContainerRuntimeException($"writing the hosts file of sandbox {sandbox.ID} failed with exit code {exitCode}: {output}")
            {
                Reason = "NetworkError",
            };
        }
    }
}

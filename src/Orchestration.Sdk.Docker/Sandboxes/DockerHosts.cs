using Docker.DotNet.Models;
using Orchestration.Sdk.Docker.Containers;
using Orchestration.Sdk.Docker.Exec;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker.Sandboxes;

/// <summary>
/// The service names in the pods' hosts files: the entries the service proxy publishes are written into every running
/// sandbox of the app (its containers share the file), and a new sandbox starts with them.
/// </summary>
internal sealed class DockerHosts(DockerConnection engine, DockerContainerApi containers, DockerExec exec)
{
    // The service entries last published by the proxy, and how often they changed: a sandbox created while they change
    // rewrites its hosts file once it runs, so no pod misses a service.
    private volatile IReadOnlyList<HostAlias> _serviceHosts = [];
    private int _serviceHostsVersion;

    /// <summary>
    /// Rewrites the hosts file of every running sandbox of the app (its containers share it): the standard entries, the
    /// services, and the pod's own name. Needs a shell in the sandbox image (the built-in pause image has busybox).
    /// </summary>
    public async Task WriteAsync(IReadOnlyList<HostAlias> services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        _serviceHosts = services;
        Interlocked.Increment(ref _serviceHostsVersion);
        var selector = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [RuntimeLabels.App] = engine.Options.AppName,
            [RuntimeLabels.Sandbox] = "true",
        };
        var sandboxes = await containers.ListInspectedAsync(selector, cancellationToken).ConfigureAwait(false);
        foreach (var sandbox in sandboxes.Where(s => s.State is { Running: true }))
        {
            await WriteFileAsync(sandbox, services, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The service entries a new sandbox starts with: the agent's view merged with the proxy's last.</summary>
    public (IReadOnlyList<HostAlias> Hosts, int Version) For(PodSandboxRequest request)
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
    public async Task CatchUpAsync(ContainerInspectResponse sandbox, int version, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _serviceHostsVersion) != version)
        {
            await WriteFileAsync(sandbox, _serviceHosts, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WriteFileAsync(ContainerInspectResponse sandbox, IReadOnlyList<HostAlias> services, CancellationToken cancellationToken)
    {
        var own = DockerContainerMapper.ToPodSandbox(sandbox, engine.Options.EffectiveNetworkName).IPAddress;
        var content = HostsFile.Render(services, own, sandbox.Config?.Hostname);
        var (exitCode, output) = await exec.ExecAsync(sandbox.ID, ["/bin/sh", "-c", "printf '%s' \"$1\" > /etc/hosts", "sh", content], cancellationToken)
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

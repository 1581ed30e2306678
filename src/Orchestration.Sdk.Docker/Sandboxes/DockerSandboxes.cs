using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Docker.Cleanup;
using Orchestration.Sdk.Docker.Containers;
using Orchestration.Sdk.Docker.Files;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker.Sandboxes;

/// <summary>
/// Pod sandboxes: pause containers on the app's bridge network (their address there is the pod IP), holding the network
/// and IPC namespaces the pod's containers join, with the services in their hosts file.
/// </summary>
internal sealed partial class DockerSandboxes(
    DockerConnection engine,
    DockerContainerApi containers,
    DockerNetwork network,
    DockerHosts hosts,
    DockerFiles files,
    DockerSweep sweep,
    PauseImage pause,
    ILogger logger,
    Volumes.DockerVolumes volumes)
{
    private readonly ILogger _logger = logger;

    /// <summary>
    /// Creates and starts the pod's sandbox on the app network (creating the network and the pause image when needed);
    /// a sandbox that fails to start is removed again.
    /// </summary>
    public async Task<PodSandbox> RunAsync(PodSandboxRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await sweep.EnsureSweptAsync(cancellationToken).ConfigureAwait(false);
        await files.RemoveOrphanedHoldersAsync(cancellationToken).ConfigureAwait(false); // of sandboxes removed from outside
        await pause.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var networkName = await network.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var labels = DockerContainerMapper.Labels(request.Labels, engine.Options,
        [
            new(RuntimeLabels.Sandbox, "true"),
            new(RuntimeLabels.PodUid, request.PodUid),
            new(RuntimeLabels.PodName, request.PodName),
            new(RuntimeLabels.PodNamespace, request.Namespace),
        ]);
        var hostName = DockerNames.HostName(request.PodName);
        var (serviceHosts, hostsVersion) = hosts.For(request);
        var parameters = new CreateContainerParameters
        {
            Name = DockerNames.Sandbox(request.PodName, request.Namespace, request.PodUid),
            Image = pause.Name,
            Hostname = hostName,
            Labels = labels,
            ExposedPorts = DockerContainerMapper.ExposedPorts(request.Ports),
            HostConfig = new HostConfig
            {
                NetworkMode = networkName,
                IpcMode = "shareable",
                ExtraHosts = HostsFile.ExtraHosts(serviceHosts),
                RestartPolicy = new RestartPolicy { Name = RestartPolicyKind.No },
            },
            NetworkingConfig = new NetworkingConfig
            {
                EndpointsConfig = new Dictionary<string, EndpointSettings> { [networkName] = new() { Aliases = [hostName] } },
            },
        };
        var id = await containers.CreateAsync(parameters, "create pod sandbox", "CreatePodSandboxError", cancellationToken).ConfigureAwait(false);
        try
        {
            await engine.Calls.ExecuteAsync(
                "start pod sandbox",
                ct => engine.Client.Containers.StartContainerAsync(id, new ContainerStartParameters(), ct),
                cancellationToken,
                reason: "CreatePodSandboxError").ConfigureAwait(false);
            var inspect = await containers.InspectAsync(id, cancellationToken).ConfigureAwait(false)
                ?? throw new ContainerRuntimeException($"pod sandbox {id} vanished after it started") { Reason = "CreatePodSandboxError" };
            await hosts.CatchUpAsync(inspect, hostsVersion, cancellationToken).ConfigureAwait(false);
            return DockerContainerMapper.ToPodSandbox(inspect, networkName);
        }
        catch
        {
            await containers.ForceRemoveAsync(id, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Removes a sandbox with the containers that joined it, their file volumes and the pod's emptyDir volumes; a missing one succeeds.</summary>
    public async Task RemoveAsync(string sandboxId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sandboxId);
        var sandbox = await containers.InspectAsync(sandboxId, cancellationToken).ConfigureAwait(false);
        var members = await containers.ListAsync(new Dictionary<string, string> { [DockerLabels.SandboxId] = sandboxId }, cancellationToken)
            .ConfigureAwait(false);
        foreach (var member in members)
        {
            await engine.Calls.ExecuteAsync("remove container", ct => containers.ForceRemoveAsync(member.ID, ct), cancellationToken).ConfigureAwait(false);
        }

        await engine.Calls.ExecuteAsync("remove pod sandbox", ct => containers.ForceRemoveAsync(sandboxId, ct), cancellationToken).ConfigureAwait(false);
        await files.RemoveVolumesAsync(new Dictionary<string, string> { [DockerLabels.SandboxId] = sandboxId }, _ => true, cancellationToken).ConfigureAwait(false);
        if (sandbox?.Config?.Labels?.TryGetValue(RuntimeLabels.PodUid, out var podUid) == true)
        {
            await volumes.RemovePodVolumesAsync(podUid, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Lists the running sandboxes matching <paramref name="labelSelector"/>. A sandbox never restarts, so one that
    /// exited (killed, or the engine restarted) is garbage: it is removed here with the containers that joined its
    /// namespace, and the node agent creates the pod afresh, as the kubelet does when a sandbox changes.
    /// </summary>
    public async Task<IReadOnlyList<PodSandbox>> ListAsync(
        IReadOnlyDictionary<string, string> labelSelector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(labelSelector);
        await sweep.EnsureSweptAsync(cancellationToken).ConfigureAwait(false);
        var selector = new Dictionary<string, string>(labelSelector, StringComparer.Ordinal) { [RuntimeLabels.Sandbox] = "true" };
        var found = await containers.ListInspectedAsync(selector, cancellationToken).ConfigureAwait(false);
        foreach (var dead in found.Where(c => c.State is { Running: false, Status: "exited" or "dead" }))
        {
            LogRemovingDeadSandbox(dead.ID, dead.State!.ExitCode);
            await RemoveAsync(dead.ID, cancellationToken).ConfigureAwait(false);
        }

        return [.. found.Where(c => c.State is { Running: true }).Select(c => DockerContainerMapper.ToPodSandbox(c, engine.Options.EffectiveNetworkName))];
    }

    [LoggerMessage(EventId = 3041, Level = LogLevel.Warning, Message = "Pod sandbox {SandboxId} exited (code {ExitCode}); removing it and its containers")]
    private partial void LogRemovingDeadSandbox(string sandboxId, long exitCode);
}

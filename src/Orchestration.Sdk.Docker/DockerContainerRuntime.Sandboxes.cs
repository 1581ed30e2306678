using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker;

/// <summary>Pod sandboxes: pause containers on the app's bridge network.</summary>
internal sealed partial class DockerContainerRuntime
{
    private readonly SemaphoreSlim _networkGate = new(1, 1);
    private volatile bool _networkReady;

    public async Task<PodSandbox> RunPodSandboxAsync(PodSandboxRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await EnsureSweptAsync(cancellationToken).ConfigureAwait(false);
        await _pause.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var network = await EnsureNetworkAsync(cancellationToken).ConfigureAwait(false);
        var labels = DockerContainerMapper.Labels(request.Labels, _options,
        [
            new(RuntimeLabels.Sandbox, "true"),
            new(RuntimeLabels.PodUid, request.PodUid),
            new(RuntimeLabels.PodName, request.PodName),
            new(RuntimeLabels.PodNamespace, request.Namespace),
        ]);
        var hostName = DockerNames.HostName(request.PodName);
        var (serviceHosts, hostsVersion) = ServiceHostsFor(request);
        var parameters = new CreateContainerParameters
        {
            Name = DockerNames.Sandbox(request.PodName, request.Namespace, request.PodUid),
            Image = _pause.Name,
            Hostname = hostName,
            Labels = labels,
            ExposedPorts = DockerContainerMapper.ExposedPorts(request.Ports),
            HostConfig = new HostConfig
            {
                NetworkMode = network,
                IpcMode = "shareable",
                ExtraHosts = HostsFile.ExtraHosts(serviceHosts),
                RestartPolicy = new RestartPolicy { Name = RestartPolicyKind.No },
            },
            NetworkingConfig = new NetworkingConfig
            {
                EndpointsConfig = new Dictionary<string, EndpointSettings> { [network] = new() { Aliases = [hostName] } },
            },
        };
        var id = await CreateAsync(parameters, "create pod sandbox", "CreatePodSandboxError", cancellationToken).ConfigureAwait(false);
        try
        {
            await _calls.ExecuteAsync(
                "start pod sandbox",
                ct => _client.Containers.StartContainerAsync(id, new ContainerStartParameters(), ct),
                cancellationToken,
                reason: "CreatePodSandboxError").ConfigureAwait(false);
            var inspect = await InspectAsync(id, cancellationToken).ConfigureAwait(false)
                ?? throw new ContainerRuntimeException($"pod sandbox {id} vanished after it started") { Reason = "CreatePodSandboxError" };
            await CatchUpHostsAsync(inspect, hostsVersion, cancellationToken).ConfigureAwait(false);
            return DockerContainerMapper.ToPodSandbox(inspect, network);
        }
        catch
        {
            await ForceRemoveAsync(id, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    public async Task RemovePodSandboxAsync(string sandboxId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sandboxId);
        var members = await _calls.ExecuteAsync(
            "list containers",
            ct => _client.Containers.ListContainersAsync(
                DockerContainerMapper.ListParameters(new Dictionary<string, string> { [DockerLabels.SandboxId] = sandboxId }), ct),
            cancellationToken).ConfigureAwait(false);
        foreach (var member in members)
        {
            await _calls.ExecuteAsync("remove container", ct => ForceRemoveAsync(member.ID, ct), cancellationToken).ConfigureAwait(false);
        }

        await _calls.ExecuteAsync("remove pod sandbox", ct => ForceRemoveAsync(sandboxId, ct), cancellationToken).ConfigureAwait(false);
        await RemoveFileVolumesAsync(new Dictionary<string, string> { [DockerLabels.SandboxId] = sandboxId }, _ => true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Lists the running sandboxes matching <paramref name="labelSelector"/>. A sandbox never restarts, so one that
    /// exited (killed, or the engine restarted) is garbage: it is removed here with the containers that joined its
    /// namespace, and the node agent creates the pod afresh, as the kubelet does when a sandbox changes.
    /// </summary>
    public async Task<IReadOnlyList<PodSandbox>> ListPodSandboxesAsync(
        IReadOnlyDictionary<string, string> labelSelector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(labelSelector);
        await EnsureSweptAsync(cancellationToken).ConfigureAwait(false);
        var selector = new Dictionary<string, string>(labelSelector, StringComparer.Ordinal) { [RuntimeLabels.Sandbox] = "true" };
        var found = await ListInspectedAsync(selector, cancellationToken).ConfigureAwait(false);
        foreach (var dead in found.Where(c => c.State is { Running: false, Status: "exited" or "dead" }))
        {
            LogRemovingDeadSandbox(dead.ID, dead.State!.ExitCode);
            await RemovePodSandboxAsync(dead.ID, cancellationToken).ConfigureAwait(false);
        }

        return [.. found.Where(c => c.State is { Running: true }).Select(c => DockerContainerMapper.ToPodSandbox(c, _options.EffectiveNetworkName))];
    }

    /// <summary>Creates the app's bridge network unless it exists; returns its name.</summary>
    private async Task<string> EnsureNetworkAsync(CancellationToken cancellationToken)
    {
        var name = _options.EffectiveNetworkName;
        if (_networkReady)
        {
            return name;
        }

        await _networkGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_networkReady)
            {
                await _calls.ExecuteAsync(
                    "create network",
                    async ct =>
                    {
                        try
                        {
                            await _client.Networks.InspectNetworkAsync(name, ct).ConfigureAwait(false);
                            return;
                        }
                        catch (DockerApiException e) when (DockerErrors.IsNotFound(e))
                        {
                        }

                        try
                        {
                            await _client.Networks.CreateNetworkAsync(
                                new NetworksCreateParameters
                                {
                                    Name = name,
                                    Driver = "bridge",
                                    Labels = new Dictionary<string, string>
                                    {
                                        [RuntimeLabels.Managed] = "true",
                                        [RuntimeLabels.App] = _options.AppName,
                                    },
                                },
                                ct).ConfigureAwait(false);
                        }
                        catch (DockerApiException e) when (DockerErrors.IsConflict(e))
                        {
                            // Created concurrently by another host of the app.
                        }
                    },
                    cancellationToken,
                    reason: "CreatePodSandboxError").ConfigureAwait(false);
                _networkReady = true;
            }

            return name;
        }
        finally
        {
            _networkGate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pod sandbox {SandboxId} exited (code {ExitCode}); removing it and its containers")]
    private partial void LogRemovingDeadSandbox(string sandboxId, long exitCode);
}

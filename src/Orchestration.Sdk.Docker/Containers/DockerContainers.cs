using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestration.Sdk.Docker.Cleanup;
using Orchestration.Sdk.Docker.Files;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker.Containers;

/// <summary>
/// The pods' app containers: created in their sandbox's network and IPC namespaces with the image pulled or built and
/// the files mounted, started, stopped with a grace period, removed with their files, listed and read. Docker never
/// restarts them (restart policy "no"): the node agent does.
/// </summary>
internal sealed class DockerContainers(
    DockerConnection engine, DockerContainerApi containers, DockerImageSource imageSource, DockerFiles files, DockerSweep sweep, Volumes.DockerVolumes volumes)
{
    public async Task<string> CreateAsync(ContainerCreateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await imageSource.EnsureAsync(request.Image, request.ImageBuildContext, engine.Options.PullPolicy, cancellationToken)
            .ConfigureAwait(false);
        var labels = DockerContainerMapper.Labels(request.Labels, engine.Options, [new(DockerLabels.SandboxId, request.SandboxId)]);
        labels[RuntimeLabels.ContainerName] = request.Name;
        string Label(string key, string fallback) => labels.TryGetValue(key, out var value) ? value : fallback;
        var name = DockerNames.Container(
            request.Name,
            Label(RuntimeLabels.PodName, "pod"),
            Label(RuntimeLabels.PodNamespace, "default"),
            Label(RuntimeLabels.PodUid, request.SandboxId[..Math.Min(12, request.SandboxId.Length)]),
            Label(RuntimeLabels.RestartCount, "0"));
        var parameters = new CreateContainerParameters
        {
            Name = name,
            Image = request.Image,
            // Null, not empty: an empty entrypoint would reset the image's instead of keeping it.
            Entrypoint = request.Command.Count > 0 ? [.. request.Command] : null!,
            Cmd = request.Args.Count > 0 ? [.. request.Args] : null!,
            Env = [.. request.Environment.Select(e => e.Key + "=" + e.Value)],
            WorkingDir = request.WorkingDir!,
            Labels = labels,
            // No exposed ports: the engine refuses them in another container's network namespace; the sandbox has them.
            HostConfig = new HostConfig
            {
                NetworkMode = "container:" + request.SandboxId,
                IpcMode = "container:" + request.SandboxId,
                NanoCPUs = request.CpuLimitMilliCores is { } cpu ? cpu * 1_000_000 : 0,
                Memory = request.MemoryLimitBytes ?? 0,
                RestartPolicy = new RestartPolicy { Name = RestartPolicyKind.No },
            },
        };
        await files.AttachAsync(request, parameters, cancellationToken).ConfigureAwait(false);
        await volumes.AttachAsync(request, parameters, cancellationToken).ConfigureAwait(false);
        return await containers.CreateAsync(parameters, "create container", "CreateContainerError", cancellationToken).ConfigureAwait(false);
    }

    public Task StartAsync(string containerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(containerId);
        return engine.Calls.ExecuteAsync(
            "start container",
            ct => engine.Client.Containers.StartContainerAsync(containerId, new ContainerStartParameters(), ct),
            cancellationToken,
            reason: "RunContainerError");
    }

    public Task StopAsync(string containerId, TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(containerId);
        var seconds = (uint)Math.Ceiling(Math.Max(0, gracePeriod.TotalSeconds));
        return engine.Calls.ExecuteAsync(
            "stop container",
            async ct =>
            {
                try
                {
                    await engine.Client.Containers.StopContainerAsync(containerId, new ContainerStopParameters { WaitBeforeKillSeconds = seconds }, ct)
                        .ConfigureAwait(false);
                }
                catch (DockerApiException e) when (DockerErrors.IsNotFound(e))
                {
                }
            },
            cancellationToken,
            engine.Options.CallTimeout + TimeSpan.FromSeconds(seconds));
    }

    public Task RemoveAsync(string containerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(containerId);
        return engine.Calls.ExecuteAsync("remove container", ct => files.RemoveContainerAndFilesAsync(containerId, ct), cancellationToken);
    }

    public async Task<RuntimeContainer?> InspectAsync(string containerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(containerId);
        var inspect = await containers.InspectAsync(containerId, cancellationToken).ConfigureAwait(false);
        return inspect is null ? null : DockerContainerMapper.ToRuntimeContainer(inspect);
    }

    public async Task<IReadOnlyList<RuntimeContainer>> ListAsync(
        IReadOnlyDictionary<string, string> labelSelector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(labelSelector);
        await sweep.EnsureSweptAsync(cancellationToken).ConfigureAwait(false);
        var found = await containers.ListInspectedAsync(labelSelector, cancellationToken).ConfigureAwait(false);
        return [.. found.Where(c => !DockerContainerApi.IsSandbox(c.Config?.Labels) && !DockerFiles.IsFilesHolder(c.Config?.Labels)).Select(DockerContainerMapper.ToRuntimeContainer)];
    }

    public Task<string> GetLogsAsync(string containerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(containerId);
        return engine.Calls.ExecuteAsync(
            "read logs",
            async ct =>
            {
                try
                {
                    var parameters = new ContainerLogsParameters { ShowStdout = true, ShowStderr = true, Follow = false };
                    using var stream = await engine.Client.Containers.GetContainerLogsAsync(containerId, parameters, ct).ConfigureAwait(false);
                    return await DockerLogReader.ReadToEndAsync(stream, ct).ConfigureAwait(false);
                }
                catch (DockerApiException e) when (DockerErrors.IsNotFound(e))
                {
                    throw new ContainerRuntimeException($"container {containerId} not found", e) { Reason = "NotFound" };
                }
            },
            cancellationToken);
    }
}

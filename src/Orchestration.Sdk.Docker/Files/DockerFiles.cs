using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Docker.Containers;
using Orchestration.Sdk.Docker.Exec;
using Orchestration.Sdk.Runtime;

using Orchestration.Sdk.Docker.Volumes;

namespace Orchestration.Sdk.Docker.Files;

/// <summary>
/// ConfigMap and Secret files on Docker (see <see cref="DockerFileMounts"/>): tmpfs volumes kept mounted by a files
/// holder, written through the archive API, mounted read-only into the app container; replaced in place on update.
/// </summary>
internal sealed partial class DockerFiles(
    DockerConnection engine, DockerContainerApi containers, DockerExec exec, PauseImage pause, ILogger logger) : IContainerFileUpdater
{
    private readonly ILogger _logger = logger;

    /// <inheritdoc />
    public async Task UpdateFilesAsync(string containerId, IReadOnlyList<ContainerFile> files, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(containerId);
        ArgumentNullException.ThrowIfNull(files);
        var app = await containers.InspectAsync(containerId, cancellationToken).ConfigureAwait(false)
            ?? throw new ContainerRuntimeException($"no such container: {containerId}") { Reason = "NotFound" };
        var holderName = app.Config?.Labels is { } labels && labels.TryGetValue(DockerFileMounts.HolderLabel, out var h) ? h : null;
        var holder = holderName is null ? null : await containers.InspectAsync(holderName, cancellationToken).ConfigureAwait(false);
        if (holder is null)
        {
            if (files.Count > 0)
            {
                LogFilesNotMounted(containerId, string.Join(", ", files.Select(f => f.Path)));
            }

            return;
        }

        // The app's volume mounts give directory -> volume; the holder's give volume -> /files/i.
        var holderIndex = (holder.Mounts ?? []).Where(m => m.Name is not null)
            .ToDictionary(m => m.Name!, m => int.Parse(m.Destination[(DockerFileMounts.HolderRoot.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var mounted = (app.Mounts ?? []).Where(m => m.Name is not null && holderIndex.ContainsKey(m.Name))
            .ToDictionary(m => m.Destination.TrimEnd('/'), m => holderIndex[m.Name!], StringComparer.Ordinal);
        var directories = DockerFileMounts.MapToMounted(files, mounted, out var unmounted);
        if (unmounted.Count > 0)
        {
            LogFilesNotMounted(containerId, string.Join(", ", unmounted));
        }

        if (holder.State is not { Running: true })
        {
            // Killed from outside: start it again so the volumes stay mounted (the app, while it runs, kept them).
            await engine.Calls.ExecuteAsync("start files holder", ct => engine.Client.Containers.StartContainerAsync(holder.ID, new ContainerStartParameters(), ct), cancellationToken)
                .ConfigureAwait(false);
        }

        var staging = DockerFileMounts.StagingPrefix + Guid.NewGuid().ToString("N")[..12];
        await WriteArchiveAsync(holder.ID, directories, staging, cancellationToken).ConfigureAwait(false);
        await RunInHolderAsync(holder.ID, DockerFileMounts.SwapScript(directories, staging), cancellationToken).ConfigureAwait(false);
        LogFilesUpdated(containerId, files.Count);
    }

    /// <summary>
    /// Before the app container is created: makes one tmpfs volume per directory of <see cref="ContainerCreateRequest.Files"/>,
    /// starts the holder that keeps them mounted, writes the files, and adds the read-only mounts and the holder's label
    /// to <paramref name="parameters"/>. Leftovers of an earlier attempt with the same name are removed first.
    /// </summary>
    public async Task AttachAsync(ContainerCreateRequest request, CreateContainerParameters parameters, CancellationToken cancellationToken)
    {
        if (request.Files.Count == 0)
        {
            return;
        }

        var directories = DockerFileMounts.Group(request.Files);
        await pause.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var appName = parameters.Name ?? throw new ArgumentException("the container has no name", nameof(parameters));
        var holderName = DockerFileMounts.HolderName(appName);
        await engine.Calls.ExecuteAsync("remove container", ct => containers.ForceRemoveAsync(appName, ct), cancellationToken).ConfigureAwait(false);
        await RemoveFilesAsync(appName, cancellationToken).ConfigureAwait(false);

        var labels = DockerContainerMapper.Labels(new Dictionary<string, string>(), engine.Options,
            [new(DockerLabels.SandboxId, request.SandboxId), new(DockerFileMounts.FilesOfLabel, appName)]);
        var holderMounts = new List<Mount>();
        var appMounts = new List<Mount>();
        foreach (var directory in directories)
        {
            var volume = DockerFileMounts.VolumeName(appName, directory.Index);
            var volumeLabels = new Dictionary<string, string>(labels, StringComparer.Ordinal) { [DockerFileMounts.MountPathLabel] = directory.Path };
            await engine.Calls.ExecuteAsync(
                "create volume",
                ct => engine.Client.Volumes.CreateAsync(new VolumesCreateParameters { Name = volume, Driver = "local", DriverOpts = DockerFileMounts.DriverOptions(directory), Labels = volumeLabels }, ct),
                cancellationToken,
                reason: "CreateContainerError").ConfigureAwait(false);
            // NoCopy: what the image has at the path is hidden, never copied into the volume (Kubernetes' behaviour).
            holderMounts.Add(new Mount { Type = "volume", Source = volume, Target = DockerFileMounts.HolderPath(directory.Index), VolumeOptions = new VolumeOptions { NoCopy = true } });
            appMounts.Add(new Mount { Type = "volume", Source = volume, Target = directory.Path, ReadOnly = true, VolumeOptions = new VolumeOptions { NoCopy = true } });
        }

        var holder = new CreateContainerParameters
        {
            Name = holderName,
            Image = pause.Name,
            Labels = labels,
            HostConfig = new HostConfig { NetworkMode = "none", Mounts = holderMounts, RestartPolicy = new RestartPolicy { Name = RestartPolicyKind.No } },
        };
        var holderId = await containers.CreateAsync(holder, "create files holder", "CreateContainerError", cancellationToken).ConfigureAwait(false);
        await engine.Calls.ExecuteAsync(
            "start files holder",
            ct => engine.Client.Containers.StartContainerAsync(holderId, new ContainerStartParameters(), ct),
            cancellationToken,
            reason: "CreateContainerError").ConfigureAwait(false);
        await WriteArchiveAsync(holderId, directories, staging: null, cancellationToken).ConfigureAwait(false);

        parameters.HostConfig ??= new HostConfig();
        parameters.HostConfig.Mounts = [.. parameters.HostConfig.Mounts ?? [], .. appMounts];
        parameters.Labels = new Dictionary<string, string>(parameters.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            [DockerFileMounts.HolderLabel] = holderName,
        };
    }

    /// <summary>Removes an app container and, when it had files, its holder and volumes.</summary>
    public async Task RemoveContainerAndFilesAsync(string containerId, CancellationToken cancellationToken)
    {
        string? appName = null;
        try
        {
            var inspect = await engine.Client.Containers.InspectContainerAsync(containerId, cancellationToken).ConfigureAwait(false);
            if (inspect.Config?.Labels?.ContainsKey(DockerFileMounts.HolderLabel) == true)
            {
                appName = inspect.Name.TrimStart('/');
            }
        }
        catch (DockerApiException e) when (DockerErrors.IsNotFound(e))
        {
        }

        await containers.ForceRemoveAsync(containerId, cancellationToken).ConfigureAwait(false);
        if (appName is not null)
        {
            await RemoveFilesAsync(appName, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Removes the holder and the volumes of an app container's files.</summary>
    private async Task RemoveFilesAsync(string appName, CancellationToken cancellationToken)
    {
        await engine.Calls.ExecuteAsync("remove container", ct => containers.ForceRemoveAsync(DockerFileMounts.HolderName(appName), ct), cancellationToken).ConfigureAwait(false);
        await RemoveVolumesAsync(new Dictionary<string, string> { [DockerFileMounts.FilesOfLabel] = appName }, _ => true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Removes the app's file volumes matching <paramref name="selector"/> and <paramref name="predicate"/> (on their
    /// labels). A volume still in use is left (its container's removal removes it later, or the next sweep).
    /// </summary>
    /// <returns>How many were removed.</returns>
    public async Task<int> RemoveVolumesAsync(
        IReadOnlyDictionary<string, string> selector, Func<IDictionary<string, string>, bool> predicate, CancellationToken cancellationToken) =>
        await AppVolumes.RemoveUnusedAsync(
            engine,
            (await AppVolumes.ListAsync(engine, selector, cancellationToken, DockerFileMounts.FilesOfLabel).ConfigureAwait(false))
                .Where(v => predicate(v.Labels ?? new Dictionary<string, string>())),
            cancellationToken).ConfigureAwait(false);

    /// <summary>Removes file volumes left by dead RemoveOnShutdown sessions (their containers were swept just before).</summary>
    public Task<int> SweepVolumesAsync(CancellationToken cancellationToken) =>
        RemoveVolumesAsync(
            new Dictionary<string, string> { [DockerLabels.Lifetime] = nameof(DockerLifetime.RemoveOnShutdown) },
            labels => labels.TryGetValue(DockerLabels.Session, out var session) && DockerSession.Parse(session) is { } owner && owner.IsDead(),
            cancellationToken);

    /// <summary>
    /// Removes the files holders, and their volumes (which hold Secret values), of sandboxes that no longer exist on
    /// this node: what is left when a pod's containers were removed from outside (<c>docker rm -f</c>) and the node
    /// agent created the pod afresh, so no teardown ever named the old sandbox.
    /// </summary>
    /// <returns>How many holders were removed.</returns>
    public async Task<int> RemoveOrphanedHoldersAsync(CancellationToken cancellationToken)
    {
        var listed = await containers.ListAsync(
            new Dictionary<string, string> { [RuntimeLabels.App] = engine.Options.AppName, [RuntimeLabels.Node] = engine.Options.NodeName },
            cancellationToken).ConfigureAwait(false);
        var sandboxes = listed.Where(c => DockerContainerApi.IsSandbox(c.Labels)).Select(c => c.ID).ToHashSet(StringComparer.Ordinal);
        var removed = 0;
        foreach (var holder in listed)
        {
            if (!IsFilesHolder(holder.Labels) || !holder.Labels.TryGetValue(DockerLabels.SandboxId, out var sandboxId) || sandboxes.Contains(sandboxId))
            {
                continue;
            }

            await engine.Calls.ExecuteAsync("remove container", ct => containers.ForceRemoveAsync(holder.ID, ct), cancellationToken).ConfigureAwait(false);
            await RemoveVolumesAsync(new Dictionary<string, string> { [DockerLabels.SandboxId] = sandboxId }, _ => true, cancellationToken).ConfigureAwait(false);
            removed++;
        }

        return removed;
    }

    /// <summary>Removes this node's file volumes of the app (at shutdown, after its containers).</summary>
    public Task<int> RemoveNodeVolumesAsync(CancellationToken cancellationToken) =>
        RemoveVolumesAsync(new Dictionary<string, string> { [RuntimeLabels.Node] = engine.Options.NodeName }, _ => true, cancellationToken);

    public static bool IsFilesHolder(IDictionary<string, string>? labels) =>
        labels is not null && labels.ContainsKey(DockerFileMounts.FilesOfLabel);

    private async Task WriteArchiveAsync(string holderId, IReadOnlyList<FileDirectory> directories, string? staging, CancellationToken cancellationToken)
    {
        var time = engine.Time.GetUtcNow();
        await engine.Calls.ExecuteAsync(
            "write files",
            async ct =>
            {
                using var archive = DockerFileMounts.Archive(directories, staging, time);
                await engine.Client.Containers.ExtractArchiveToContainerAsync(holderId, new CopyToContainerParameters { Path = DockerFileMounts.HolderRoot }, archive, ct)
                    .ConfigureAwait(false);
            },
            cancellationToken,
            reason: "CreateContainerError").ConfigureAwait(false);
    }

    private async Task RunInHolderAsync(string holderId, string script, CancellationToken cancellationToken)
    {
        var (exitCode, output) = await exec.ExecAsync(holderId, ["/bin/sh", "-c", script], cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new ContainerRuntimeException($"replacing the files in holder {holderId} failed with exit code {exitCode}: {output}") { Reason = "UpdateFilesError" };
        }
    }

    [LoggerMessage(EventId = 3051, Level = LogLevel.Warning, Message = "Container {ContainerId} has no mounted directory for {Paths}; a running container cannot gain mounts, so its next instance gets them")]
    private partial void LogFilesNotMounted(string containerId, string paths);

    [LoggerMessage(EventId = 3052, Level = LogLevel.Debug, Message = "Replaced the {Count} file(s) of container {ContainerId}")]
    private partial void LogFilesUpdated(string containerId, int count);
}

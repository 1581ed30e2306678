using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestration.Sdk.Docker.Containers;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker.Volumes;

/// <summary>
/// A pod's volumes on Docker. An emptyDir is a named volume of the local driver ("orch_&lt;pod uid&gt;_&lt;volume&gt;", a tmpfs
/// with its size limit for medium Memory) labelled with the app, node, pod and session, made on the first mount and
/// removed with the pod's sandbox, at shutdown (lifetime RemoveOnShutdown) or by the sweep of a dead session. A claim's
/// volume is a named volume ("orch_&lt;app&gt;_pvc-&lt;claim uid&gt;") labelled with the app and the claim; nothing but
/// <see cref="RemoveClaimVolumeAsync"/> (reclaim policy Delete) removes it, so its data outlives pods, the host process
/// and, with reclaim policy Retain, the claim. A hostPath is a bind mount. A sub path is a bind mount of that directory
/// of the volume's mount point (the engine makes it when missing), as the kubelet mounts sub paths.
/// </summary>
internal sealed class DockerVolumes(DockerConnection engine)
{
    /// <summary>On a volume: what it is ("emptyDir" or "claim").</summary>
    public const string KindLabel = "io.orchestration.docker.volume-kind";

    /// <summary>On a volume: the node agent's volume id (<see cref="RuntimeVolume.Id"/>).</summary>
    public const string IdLabel = "io.orchestration.docker.volume-id";

    private const string EmptyDirKind = "emptyDir";
    private const string ClaimKind = "claim";

    /// <summary>The engine's name of a volume.</summary>
    public string NameOf(RuntimeVolume volume) => volume.Type == RuntimeVolumeType.Claim
        ? Sanitize($"orch_{engine.Options.AppName}_{volume.Id}")
        : Sanitize($"orch_{volume.Labels.GetValueOrDefault(RuntimeLabels.PodUid, "pod")}_{volume.PodVolumeName}");

    /// <summary>Makes the request's volumes (when missing) and adds their mounts to <paramref name="parameters"/>.</summary>
    /// <exception cref="ContainerRuntimeException">Reason FailedMount: a volume cannot be made or mounted.</exception>
    public async Task AttachAsync(ContainerCreateRequest request, CreateContainerParameters parameters, CancellationToken cancellationToken)
    {
        if (request.Mounts.Count == 0)
        {
            return;
        }

        parameters.HostConfig ??= new HostConfig();
        var mounts = new List<Mount>(parameters.HostConfig.Mounts ?? []);
        var binds = new List<string>(parameters.HostConfig.Binds ?? []);
        foreach (var mount in request.Mounts)
        {
            if (mount.Volume.Type == RuntimeVolumeType.HostPath)
            {
                mounts.Add(new Mount { Type = "bind", Source = mount.Volume.HostPath!, Target = mount.ContainerPath, ReadOnly = mount.ReadOnly });
                continue;
            }

            var volume = await EnsureAsync(mount.Volume, cancellationToken).ConfigureAwait(false);
            if (mount.SubPath.Length == 0)
            {
                mounts.Add(new Mount { Type = "volume", Source = volume.Name, Target = mount.ContainerPath, ReadOnly = mount.ReadOnly });
            }
            else if (mount.Volume.InMemory)
            {
                throw new ContainerRuntimeException($"MountVolume.SetUp failed for volume \"{mount.Volume.PodVolumeName}\" : subPath is not supported on Docker for a Memory emptyDir")
                { Reason = "FailedMount" };
            }
            else
            {
                binds.Add(volume.Mountpoint.TrimEnd('/') + "/" + mount.SubPath.Trim('/') + ":" + mount.ContainerPath + (mount.ReadOnly ? ":ro" : string.Empty));
            }
        }

        parameters.HostConfig.Mounts = mounts;
        parameters.HostConfig.Binds = binds.Count == 0 ? null! : binds;
    }

    /// <summary>Removes the emptyDir volumes of a pod (by uid) on this node; one still in use is left for the sweep.</summary>
    public Task<int> RemovePodVolumesAsync(string podUid, CancellationToken cancellationToken) =>
        RemoveAsync(new Dictionary<string, string> { [KindLabel] = EmptyDirKind, [RuntimeLabels.PodUid] = podUid }, _ => true, cancellationToken);

    /// <summary>Removes this node's emptyDir volumes (shutdown under RemoveOnShutdown). Claims' volumes stay.</summary>
    public Task<int> RemoveNodeVolumesAsync(CancellationToken cancellationToken) =>
        RemoveAsync(new Dictionary<string, string> { [KindLabel] = EmptyDirKind, [RuntimeLabels.Node] = engine.Options.NodeName }, _ => true, cancellationToken);

    /// <summary>Removes emptyDir volumes left by dead RemoveOnShutdown sessions.</summary>
    public Task<int> SweepAsync(CancellationToken cancellationToken) =>
        RemoveAsync(
            new Dictionary<string, string> { [KindLabel] = EmptyDirKind, [DockerLabels.Lifetime] = nameof(DockerLifetime.RemoveOnShutdown) },
            labels => labels.TryGetValue(DockerLabels.Session, out var session) && DockerSession.Parse(session) is { } owner && owner.IsDead(),
            cancellationToken);

    /// <summary>Removes a claim's volume and its data; a missing one succeeds.</summary>
    /// <exception cref="ContainerRuntimeException">Reason VolumeInUse: a container still mounts it.</exception>
    public async Task RemoveClaimVolumeAsync(string volumeId, CancellationToken cancellationToken)
    {
        var selector = new Dictionary<string, string> { [KindLabel] = ClaimKind, [IdLabel] = volumeId };
        foreach (var volume in await AppVolumes.ListAsync(engine, selector, cancellationToken).ConfigureAwait(false))
        {
            await engine.Calls.ExecuteAsync(
                "remove volume",
                async ct =>
                {
                    try
                    {
                        await engine.Client.Volumes.RemoveAsync(volume.Name, force: false, ct).ConfigureAwait(false);
                    }
                    catch (DockerApiException e) when (DockerErrors.IsNotFound(e))
                    {
                    }
                    catch (DockerApiException e) when (DockerErrors.IsConflict(e))
                    {
                        throw new ContainerRuntimeException($"volume {volume.Name} is in use") { Reason = "VolumeInUse" };
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<VolumeResponse> EnsureAsync(RuntimeVolume volume, CancellationToken cancellationToken)
    {
        var name = NameOf(volume);
        var kind = volume.Type == RuntimeVolumeType.Claim ? ClaimKind : EmptyDirKind;
        var labels = DockerContainerMapper.Labels(volume.Labels, engine.Options, [new(KindLabel, kind), new(IdLabel, volume.Id)]);
        if (volume.Type == RuntimeVolumeType.Claim)
        {
            // A claim's data is not the session's: no session or lifetime, so no sweep or shutdown takes it.
            labels.Remove(DockerLabels.Session);
            labels.Remove(DockerLabels.Lifetime);
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        if (volume.InMemory)
        {
            options["type"] = "tmpfs";
            options["device"] = "tmpfs";
            if (volume.SizeLimitBytes is { } size)
            {
                options["o"] = "size=" + size.ToString(CultureInfo.InvariantCulture);
            }
        }

        // Creating a volume that exists returns it unchanged (the engine's create is idempotent by name).
        return await engine.Calls.ExecuteAsync(
            "create volume",
            ct => engine.Client.Volumes.CreateAsync(new VolumesCreateParameters { Name = name, Driver = "local", DriverOpts = options, Labels = labels }, ct),
            cancellationToken,
            reason: "FailedMount").ConfigureAwait(false);
    }

    private async Task<int> RemoveAsync(IReadOnlyDictionary<string, string> selector, Func<IDictionary<string, string>, bool> predicate, CancellationToken cancellationToken) =>
        await AppVolumes.RemoveUnusedAsync(
            engine,
            (await AppVolumes.ListAsync(engine, selector, cancellationToken).ConfigureAwait(false)).Where(v => predicate(v.Labels ?? new Dictionary<string, string>())),
            cancellationToken).ConfigureAwait(false);

    private static string Sanitize(string name) =>
        string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' ? c : '-'));
}

using System.Text;

namespace Orchestration.Sdk.Runtime.InMemory;

// Simulated volumes: each is a map of relative path to bytes, kept per node. An emptyDir lives until its pod's sandbox
// is removed; a claim's volume until RemoveVolumeAsync. Files a container writes outside its mounts belong to that
// container instance and are gone when it is replaced, as a container's writable layer.
public sealed partial class InMemoryNode
{
    private readonly Dictionary<string, (RuntimeVolume Volume, Dictionary<string, byte[]> Files)> _volumes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, byte[]>> _containerLayers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _mountFailures = new(StringComparer.Ordinal);

    /// <summary>The ids of the volumes on the node (emptyDirs and claims' volumes), ordinal order.</summary>
    public IReadOnlyList<string> VolumeIds
    {
        get
        {
            lock (_gate)
            {
                return [.. _volumes.Keys.Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>
    /// Makes mounting a volume of that name (the name in the pod spec) fail: container creation throws with reason
    /// FailedMount and <paramref name="message"/>, as the kubelet's "MountVolume.SetUp failed", until
    /// <see cref="ClearVolumeMountFailure"/>.
    /// </summary>
    /// <param name="podVolumeName">The volume's name in the pod spec.</param>
    /// <param name="message">The failure. <value>The default value is "mount failed (injected)".</value></param>
    public void FailVolumeMount(string podVolumeName, string message = "mount failed (injected)")
    {
        ArgumentNullException.ThrowIfNull(podVolumeName);
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            _mountFailures[podVolumeName] = message;
        }
    }

    /// <summary>Lets mounts of that volume succeed again.</summary>
    /// <param name="podVolumeName">The volume's name in the pod spec.</param>
    public void ClearVolumeMountFailure(string podVolumeName)
    {
        lock (_gate)
        {
            _mountFailures.Remove(podVolumeName);
        }
    }

    /// <summary>
    /// Writes a UTF-8 file as the newest instance of a pod's container would: into the volume mounted at the longest
    /// matching mount path (under its sub path), or else into the instance's own layer.
    /// </summary>
    /// <param name="podName">The pod's name, or "namespace/name".</param>
    /// <param name="containerName">The container's name within the pod.</param>
    /// <param name="path">The absolute path in the container.</param>
    /// <param name="content">The content.</param>
    /// <exception cref="InvalidOperationException">No such container.</exception>
    /// <exception cref="IOException">The path is on a read-only mount ("read-only file system").</exception>
    public void WriteFile(string podName, string containerName, string path, string content)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(content);
        lock (_gate)
        {
            var (files, key, readOnly) = Locate(podName, containerName, path);
            if (readOnly)
            {
                throw new IOException($"{path}: read-only file system");
            }

            files[key] = Encoding.UTF8.GetBytes(content);
        }
    }

    /// <summary>Reads a UTF-8 file as the newest instance of a pod's container sees it, or null when there is none.</summary>
    /// <param name="podName">The pod's name, or "namespace/name".</param>
    /// <param name="containerName">The container's name within the pod.</param>
    /// <param name="path">The absolute path in the container.</param>
    /// <exception cref="InvalidOperationException">No such container.</exception>
    public string? ReadFile(string podName, string containerName, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        lock (_gate)
        {
            var (files, key, _) = Locate(podName, containerName, path);
            return files.TryGetValue(key, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;
        }
    }

    /// <inheritdoc />
    public Task RemoveVolumeAsync(string volumeId, CancellationToken cancellationToken) =>
        Call(InMemoryOperation.RemoveVolume, cancellationToken, () =>
        {
            if (_containers.Values.Any(c => c.State != RuntimeContainerState.Exited && c.Request.Mounts.Any(m => m.Volume.Id == volumeId)))
            {
                throw new ContainerRuntimeException($"volume {volumeId} is in use") { Reason = "VolumeInUse" };
            }

            return _volumes.Remove(volumeId);
        });

    /// <summary>Makes the request's volumes (on first use) or throws the injected mount failure. Under the lock.</summary>
    private void MountLocked(ContainerCreateRequest request)
    {
        foreach (var mount in request.Mounts)
        {
            if (_mountFailures.TryGetValue(mount.Volume.PodVolumeName, out var message))
            {
                throw new ContainerRuntimeException($"MountVolume.SetUp failed for volume \"{mount.Volume.PodVolumeName}\" : {message}") { Reason = "FailedMount" };
            }
        }

        foreach (var mount in request.Mounts)
        {
            _volumes.TryAdd(mount.Volume.Id, (mount.Volume, new Dictionary<string, byte[]>(StringComparer.Ordinal)));
        }
    }

    /// <summary>Removes the emptyDir volumes of the pod a removed sandbox was for. Under the lock.</summary>
    private void RemovePodVolumesLocked(PodSandbox sandbox)
    {
        if (!sandbox.Labels.TryGetValue(RuntimeLabels.PodUid, out var uid))
        {
            return;
        }

        foreach (var (id, _) in _volumes.Where(v => v.Value.Volume.Type == RuntimeVolumeType.EmptyDir
            && v.Value.Volume.Labels.GetValueOrDefault(RuntimeLabels.PodUid) == uid).ToList())
        {
            _volumes.Remove(id);
        }
    }

    private void RemoveLayerLocked(string containerId) => _containerLayers.Remove(containerId);

    private (Dictionary<string, byte[]> Files, string Key, bool ReadOnly) Locate(string podName, string containerName, string path)
    {
        var container = Newest(podName, containerName) ?? throw new InvalidOperationException($"no container \"{containerName}\" of pod \"{podName}\" on node \"{Name}\"");
        var normalized = "/" + path.Trim('/');
        var mount = container.Request.Mounts
            .Where(m => normalized == m.ContainerPath.TrimEnd('/') || normalized.StartsWith(m.ContainerPath.TrimEnd('/') + "/", StringComparison.Ordinal))
            .MaxBy(m => m.ContainerPath.Length);
        if (mount is null || !_volumes.TryGetValue(mount.Volume.Id, out var volume))
        {
            if (!_containerLayers.TryGetValue(container.Id, out var layer))
            {
                _containerLayers[container.Id] = layer = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            }

            return (layer, normalized, false);
        }

        var relative = normalized[mount.ContainerPath.TrimEnd('/').Length..].TrimStart('/');
        var key = mount.SubPath.Length == 0 ? relative : mount.SubPath.TrimEnd('/') + "/" + relative;
        return (volume.Files, key.Trim('/'), mount.ReadOnly);
    }
}

using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Storage;

/// <summary>
/// Turns a container's volume mounts into runtime mounts, as the kubelet's volume manager: an emptyDir becomes a volume
/// of the pod, a claim the volume it is bound to on this node. What is not ready (a missing or unbound claim, a claim on
/// another node, a refused hostPath) is an error message; the container then waits and the agent tries again.
/// </summary>
internal static class VolumeResolver
{
    /// <summary>The mounts of <paramref name="container"/>, or the reason they cannot be made yet.</summary>
    public static (IReadOnlyList<ContainerMount> Mounts, string? Error) Resolve(
        ResourceStore store, Pod pod, Container container, string nodeName, string? applicationName, bool allowHostPath)
    {
        if (container.VolumeMounts.Count == 0)
        {
            return ([], null);
        }

        var mounts = new List<ContainerMount>(container.VolumeMounts.Count);
        foreach (var mount in container.VolumeMounts)
        {
            var volume = pod.Spec.Volumes.FirstOrDefault(v => v.Name == mount.Name);
            if (volume is null)
            {
                return ([], $"volume \"{mount.Name}\" is not declared by the pod");
            }

            var (runtimeVolume, readOnly, error) = ResolveVolume(store, pod, volume, nodeName, applicationName, allowHostPath);
            if (error is not null)
            {
                return ([], error);
            }

            mounts.Add(new ContainerMount
            {
                Volume = runtimeVolume!,
                ContainerPath = mount.MountPath,
                ReadOnly = mount.ReadOnly || readOnly,
                SubPath = mount.SubPath ?? string.Empty,
            });
        }

        return (mounts, null);
    }

    private static (RuntimeVolume? Volume, bool ReadOnly, string? Error) ResolveVolume(
        ResourceStore store, Pod pod, Volume volume, string nodeName, string? applicationName, bool allowHostPath)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [RuntimeLabels.Managed] = "true",
            [RuntimeLabels.Node] = nodeName,
            [RuntimeLabels.VolumeName] = volume.Name,
        };
        if (applicationName is not null)
        {
            labels[RuntimeLabels.App] = applicationName;
        }

        if (volume.EmptyDir is { } emptyDir)
        {
            labels[RuntimeLabels.PodUid] = pod.Metadata.Uid;
            labels[RuntimeLabels.PodName] = pod.Metadata.Name;
            labels[RuntimeLabels.PodNamespace] = pod.Metadata.Namespace;
            return (new RuntimeVolume
            {
                Id = pod.Metadata.Uid + "-" + volume.Name,
                Type = RuntimeVolumeType.EmptyDir,
                PodVolumeName = volume.Name,
                InMemory = emptyDir.Medium == StorageMedium.Memory,
                SizeLimitBytes = emptyDir.SizeLimit?.IntegerValue,
                Labels = labels,
            }, false, null);
        }

        if (volume.PersistentVolumeClaim is { } source)
        {
            var claim = store.Get<PersistentVolumeClaim>(new ObjectKey(PersistentVolumeClaim.KindName, pod.Metadata.Namespace, source.ClaimName));
            if (claim is null)
            {
                return (null, false, $"persistentvolumeclaim \"{source.ClaimName}\" not found");
            }

            if (claim.Status.Phase != PersistentVolumeClaimPhase.Bound || claim.Spec.VolumeName is not { } volumeName)
            {
                return (null, false, $"persistentvolumeclaim \"{source.ClaimName}\" is not bound yet");
            }

            if (claim.SelectedNode != nodeName)
            {
                return (null, false, $"persistentvolumeclaim \"{source.ClaimName}\" is bound to a volume on node \"{claim.SelectedNode}\", not on \"{nodeName}\"");
            }

            labels.Remove(RuntimeLabels.VolumeName);
            labels[RuntimeLabels.ClaimName] = claim.Metadata.Name;
            labels[RuntimeLabels.ClaimNamespace] = claim.Metadata.Namespace;
            return (new RuntimeVolume { Id = volumeName, Type = RuntimeVolumeType.Claim, PodVolumeName = volume.Name, Labels = labels },
                source.ReadOnly || claim.Spec.AccessModes is [PersistentVolumeAccessMode.ReadOnlyMany], null);
        }

        if (volume.HostPath is { } hostPath)
        {
            if (!allowHostPath)
            {
                return (null, false, $"hostPath volume \"{volume.Name}\" is not allowed: set NodeAgentOptions.AllowHostPathVolumes to opt in (unsafe)");
            }

            return (new RuntimeVolume { Id = hostPath.Path, Type = RuntimeVolumeType.HostPath, PodVolumeName = volume.Name, HostPath = hostPath.Path, Labels = labels }, false, null);
        }

        return (null, false, $"volume \"{volume.Name}\" has no source");
    }
}

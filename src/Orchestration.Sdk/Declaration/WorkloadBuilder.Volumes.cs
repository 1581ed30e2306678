using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Declaration;

// The volumes of a workload's pods (Kubernetes' spec.volumes): each method declares one and, when a mount path is given,
// mounts it into the primary container; other containers mount them with WithVolumeMount. Volume names are DNS-1123
// labels unique within the pod; invalid values are reported by AppDeclaration.Build with their field paths.
public abstract partial class WorkloadBuilder<TBuilder>
{
    /// <summary>
    /// Adds an emptyDir volume: an empty directory made when the pod starts on its node, shared by the pod's containers,
    /// kept across container restarts and removed with the pod. On Docker it is a volume labelled with the app and the
    /// pod (a tmpfs for <paramref name="medium"/> Memory).
    /// </summary>
    /// <param name="name">The volume's name.</param>
    /// <param name="mountPath">Where the primary container mounts it. <value>The default value is null (not mounted by the primary container).</value></param>
    /// <param name="medium">Disk or memory. <value>The default value is <see cref="StorageMedium.Default"/> (disk).</value></param>
    /// <param name="sizeLimit">The most it may hold, a quantity such as "64Mi"; the tmpfs size for Memory. <value>The default value is null (no limit).</value></param>
    /// <returns>The builder.</returns>
    public TBuilder WithEmptyDir(string name, string? mountPath = null, StorageMedium medium = StorageMedium.Default, string? sizeLimit = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        Template.AddVolume(new Volume { Name = name, EmptyDir = new EmptyDirVolumeSource { Medium = medium } }, sizeLimit);
        return Mount(name, mountPath, readOnly: false);
    }

    /// <summary>
    /// Adds a volume bound to a claim of the pod's namespace (declare it with
    /// <see cref="AppDeclaration.AddPersistentVolumeClaim(string)"/>). The pod is then scheduled on the node that holds
    /// the claim's volume; it stays Pending while the claim is missing.
    /// </summary>
    /// <param name="name">The volume's name.</param>
    /// <param name="claimName">The claim's name.</param>
    /// <param name="mountPath">Where the primary container mounts it. <value>The default value is null (not mounted by the primary container).</value></param>
    /// <param name="readOnly">Whether every mount of it is read-only. <value>The default value is false.</value></param>
    /// <returns>The builder.</returns>
    public TBuilder WithPersistentVolumeClaim(string name, string claimName, string? mountPath = null, bool readOnly = false)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(claimName);
        Template.AddVolume(new Volume { Name = name, PersistentVolumeClaim = new PersistentVolumeClaimVolumeSource { ClaimName = claimName, ReadOnly = readOnly } });
        return Mount(name, mountPath, readOnly);
    }

    /// <summary>
    /// Adds a hostPath volume: a directory of the node (the Docker host). Unsafe: the container reads and writes the
    /// host's files outside any isolation. The node agent refuses it unless
    /// <see cref="Runtime.NodeAgents.NodeAgentOptions.AllowHostPathVolumes"/> is set.
    /// </summary>
    /// <param name="name">The volume's name.</param>
    /// <param name="path">The absolute path on the node.</param>
    /// <param name="mountPath">Where the primary container mounts it. <value>The default value is null (not mounted by the primary container).</value></param>
    /// <param name="readOnly">Mount it read-only in the primary container. <value>The default value is false.</value></param>
    /// <returns>The builder.</returns>
    public TBuilder WithHostPath(string name, string path, string? mountPath = null, bool readOnly = false)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(path);
        Template.AddVolume(new Volume { Name = name, HostPath = new HostPathVolumeSource { Path = path } });
        return Mount(name, mountPath, readOnly);
    }

    private TBuilder Mount(string name, string? mountPath, bool readOnly) =>
        mountPath is null ? (TBuilder)this : WithVolumeMount(name, mountPath, readOnly);
}

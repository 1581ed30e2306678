namespace Orchestration.Sdk.Model;

/// <summary>
/// A named volume of a pod that its containers mount with <see cref="VolumeMount"/> (Kubernetes' core/v1 Volume).
/// Exactly one source is set: <see cref="EmptyDir"/>, <see cref="PersistentVolumeClaim"/> or <see cref="HostPath"/>.
/// </summary>
public sealed record Volume
{
    /// <summary>The volume's name, a DNS-1123 label unique within the pod; mounts refer to it.</summary>
    public required string Name { get; init; }

    /// <summary>A scratch directory that lives as long as the pod. <value>The default value is null.</value></summary>
    public EmptyDirVolumeSource? EmptyDir { get; init; }

    /// <summary>The volume bound to a claim of the pod's namespace. <value>The default value is null.</value></summary>
    public PersistentVolumeClaimVolumeSource? PersistentVolumeClaim { get; init; }

    /// <summary>
    /// A directory of the node (the Docker host). Unsafe: the container sees and may change the host's files. Refused by
    /// the node agent unless <see cref="Runtime.NodeAgents.NodeAgentOptions.AllowHostPathVolumes"/> is set.
    /// <value>The default value is null.</value>
    /// </summary>
    public HostPathVolumeSource? HostPath { get; init; }
}

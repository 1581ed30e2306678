namespace Orchestration.Sdk.Model;

/// <summary>Where a container sees one of its pod's volumes (Kubernetes' volumeMount).</summary>
public sealed record VolumeMount
{
    /// <summary>The name of a volume of the pod.</summary>
    public required string Name { get; init; }

    /// <summary>The absolute path in the container, unique among the container's mounts.</summary>
    public required string MountPath { get; init; }

    /// <summary>Whether the container may only read. <value>The default value is false.</value></summary>
    public bool ReadOnly { get; init; }

    /// <summary>
    /// A relative path inside the volume to mount instead of its root. <value>The default value is "" (the volume's root).</value>
    /// </summary>
    public string SubPath { get; init; } = string.Empty;
}

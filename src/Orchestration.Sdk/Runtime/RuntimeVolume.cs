namespace Orchestration.Sdk.Runtime;

/// <summary>Storage a container mounts, as the node agent resolved it from the pod's volumes and claims.</summary>
public sealed record RuntimeVolume
{
    /// <summary>
    /// The volume's identity on the node: "&lt;pod uid&gt;-&lt;volume name&gt;" for an emptyDir, the claim's volume name
    /// ("pvc-&lt;claim uid&gt;") for a claim, the path for a hostPath. Two mounts with the same id share the data.
    /// </summary>
    public required string Id { get; init; }

    /// <summary>The kind of storage.</summary>
    public required RuntimeVolumeType Type { get; init; }

    /// <summary>The volume's name in the pod spec (for messages and fault injection).</summary>
    public required string PodVolumeName { get; init; }

    /// <summary>Whether an emptyDir lives in memory (tmpfs). <value>The default value is false.</value></summary>
    public bool InMemory { get; init; }

    /// <summary>The size limit in bytes (the tmpfs size of a memory emptyDir). <value>The default value is null (none).</value></summary>
    public long? SizeLimitBytes { get; init; }

    /// <summary>The node's path of a hostPath volume. <value>The default value is null.</value></summary>
    public string? HostPath { get; init; }

    /// <summary>
    /// Labels for the runtime's object (the pod's ownership labels for an emptyDir; the app, claim name and namespace for
    /// a claim). <value>The default value is empty.</value>
    /// </summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}

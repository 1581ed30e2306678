namespace Orchestration.Sdk.Model;

/// <summary>A pod's use of a <see cref="Storage.PersistentVolumeClaim"/> of its namespace (Kubernetes' persistentVolumeClaim volume).</summary>
public sealed record PersistentVolumeClaimVolumeSource
{
    /// <summary>The claim's name.</summary>
    public required string ClaimName { get; init; }

    /// <summary>Whether every mount of the volume is read-only. <value>The default value is false.</value></summary>
    public bool ReadOnly { get; init; }
}

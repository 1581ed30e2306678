namespace Orchestration.Sdk.Storage;

/// <summary>What happens to a claim's data when the claim is deleted (Kubernetes' persistentVolumeReclaimPolicy).</summary>
public enum PersistentVolumeReclaimPolicy
{
    /// <summary>The volume and its data stay (the default for data): remove them by hand (on Docker, <c>docker volume rm</c>).</summary>
    Retain,

    /// <summary>The volume and its data are removed with the claim.</summary>
    Delete,
}

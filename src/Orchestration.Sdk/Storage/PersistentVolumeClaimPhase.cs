namespace Orchestration.Sdk.Storage;

/// <summary>A claim's phase, as Kubernetes'.</summary>
public enum PersistentVolumeClaimPhase
{
    /// <summary>Not bound yet: no pod using it was scheduled.</summary>
    Pending,

    /// <summary>Bound to a volume on one node.</summary>
    Bound,

    /// <summary>Its volume is gone (its node was removed).</summary>
    Lost,
}

namespace Orchestration.Sdk.Model;

/// <summary>The finalizer names the SDK itself sets and clears, as Kubernetes names them.</summary>
public static class WellKnownFinalizers
{
    /// <summary>
    /// Set on an owner deleted with <see cref="Client.DeletionPropagation.Foreground"/>: the owner keeps existing, with
    /// a deletion timestamp, until its dependents that block owner deletion (controller references) are gone.
    /// </summary>
    public const string ForegroundDeletion = "foregroundDeletion";

    /// <summary>
    /// Set by the local provisioner on a bound claim whose reclaim policy is Delete: the claim keeps existing, with a
    /// deletion timestamp, until its volume was removed from its node.
    /// </summary>
    public const string LocalVolume = "orchestration.io/local-volume";
}

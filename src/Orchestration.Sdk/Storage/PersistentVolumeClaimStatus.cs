using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Storage;

/// <summary>What the provisioner observed of a claim.</summary>
public sealed record PersistentVolumeClaimStatus
{
    /// <summary>Whether the claim is bound. <value>The default value is <see cref="PersistentVolumeClaimPhase.Pending"/>.</value></summary>
    public PersistentVolumeClaimPhase Phase { get; init; } = PersistentVolumeClaimPhase.Pending;

    /// <summary>The access modes of the bound volume. <value>The default value is empty.</value></summary>
    public IReadOnlyList<PersistentVolumeAccessMode> AccessModes { get; init => field = ValueCollections.List(value); } = ValueList<PersistentVolumeAccessMode>.Empty;

    /// <summary>The capacity of the bound volume. <value>The default value is null (unbound).</value></summary>
    public Quantity? Capacity { get; init; }
}

using Orchestration.Sdk.Storage;

namespace Orchestration.Sdk.StatefulSets;

/// <summary>A claim each pod of a StatefulSet gets (an entry of volumeClaimTemplates).</summary>
public sealed record PersistentVolumeClaimTemplate
{
    /// <summary>The template's name: the volume name the pods mount, and the prefix of each claim's name.</summary>
    public required string Name { get; init; }

    /// <summary>The claims' spec.</summary>
    public required PersistentVolumeClaimSpec Spec { get; init; }
}

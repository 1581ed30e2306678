namespace Orchestration.Sdk.Manifests.Publishing;

/// <summary>What a publish did.</summary>
/// <param name="Applied">The objects applied, as <c>Kind/name</c>, in apply order.</param>
/// <param name="Pruned">The objects deleted because the declaration no longer declares them, as <c>Kind/name</c>.</param>
/// <param name="RolledOut">The Deployments and StatefulSets waited for until rolled out, as <c>Kind/name</c> (empty when <see cref="ManifestPublishOptions.WaitForRollouts"/> is false).</param>
public sealed record PublishResult(IReadOnlyList<string> Applied, IReadOnlyList<string> Pruned, IReadOnlyList<string> RolledOut);

namespace Orchestration.Sdk.Client;

/// <summary>One revision in a deployment's history.</summary>
/// <param name="Revision">The revision number (higher is newer).</param>
/// <param name="ReplicaSet">The ReplicaSet that runs it.</param>
/// <param name="Images">The images of its containers.</param>
/// <param name="Replicas">Its current replica count.</param>
public sealed record RolloutRevision(long Revision, string ReplicaSet, IReadOnlyList<string> Images, int Replicas);

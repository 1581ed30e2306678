namespace Orchestration.Sdk.Model;

/// <summary>Points at an object that owns this one (a ReplicaSet owns its Pods).</summary>
/// <param name="Kind">The owner's kind.</param>
/// <param name="Name">The owner's name.</param>
/// <param name="Uid">The owner's uid; a new object with the same name is a different owner.</param>
/// <param name="Controller">Whether the owner is the managing controller.</param>
public sealed record OwnerReference(string Kind, string Name, string Uid, bool Controller = true);

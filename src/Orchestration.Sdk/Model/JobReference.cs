namespace Orchestration.Sdk.Model;

/// <summary>Points at a Job in the CronJob's namespace (Kubernetes' ObjectReference, with the parts that identify it).</summary>
/// <param name="Name">The Job's name.</param>
/// <param name="Uid">The Job's uid.</param>
public sealed record JobReference(string Name, string Uid);

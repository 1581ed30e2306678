namespace Orchestration.Sdk.Model;

/// <summary>A running container.</summary>
/// <param name="StartedAt">When it started.</param>
public sealed record ContainerStateRunning(DateTimeOffset StartedAt);

namespace Orchestration.Sdk.Runtime;

/// <summary>A container lifecycle event from the runtime.</summary>
/// <param name="Type">What happened.</param>
/// <param name="ContainerId">The container (empty for <see cref="ContainerEventType.Resync"/>).</param>
/// <param name="Labels">The container's labels, so the consumer can find the pod without a call.</param>
/// <param name="ExitCode">The exit code, for <see cref="ContainerEventType.Exited"/>.</param>
/// <param name="Time">When it happened.</param>
public sealed record ContainerEvent(ContainerEventType Type, string ContainerId, IReadOnlyDictionary<string, string> Labels, int? ExitCode, DateTimeOffset Time);

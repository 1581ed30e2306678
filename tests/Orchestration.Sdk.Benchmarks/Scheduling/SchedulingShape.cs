using Orchestration.Sdk.Scheduling;

namespace Orchestration.Sdk.Benchmarks.Scheduling;

/// <summary>What one scheduling round creates and how the scheduler is configured.</summary>
/// <param name="Nodes">Nodes of 4 CPU, 32Gi and 110 pods each.</param>
/// <param name="Pods">Pods requesting 100m CPU and 500Mi memory each.</param>
/// <param name="Owners">ReplicaSets the pods are spread over as controller (0: pods without owner, as Kubernetes' benchmark).</param>
/// <param name="Options">The scheduler's options.</param>
/// <param name="Persist">Whether the store persists (SQLite in a temporary directory, every write committed).</param>
internal sealed record SchedulingShape(int Nodes, int Pods, int Owners, SchedulerOptions Options, bool Persist = false);

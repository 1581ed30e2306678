using System.Collections.Concurrent;
using Orchestration.Sdk.Hosting;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime.NodeAgents;

namespace Orchestration.Sdk.Extensibility.Tests;

/// <summary>
/// The tiny runtime's optional hooks: it counts the orchestrator's stops (<see cref="IRuntimeLifecycle"/>) and records the
/// pods it was asked to drain before their SIGTERM (<see cref="IPodTerminationGate"/>); it has no traffic to drain.
/// </summary>
internal sealed class TinyLifecycle : IRuntimeLifecycle, IPodTerminationGate
{
    private int _stops;

    public int Stops => Volatile.Read(ref _stops);

    public ConcurrentQueue<string> Drained { get; } = new();

    public Task OnStoppedAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _stops);
        return Task.CompletedTask;
    }

    public Task WaitUntilDrainedAsync(Pod pod, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pod);
        Drained.Enqueue(pod.Metadata.Name);
        return Task.CompletedTask;
    }
}

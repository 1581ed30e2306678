using Orchestration.Sdk.Hosting;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker;

/// <summary>
/// Before the orchestrator starts, takes the app name's lease on every engine (a second live host of the same app fails
/// to start); when it has stopped, applies the Docker lifetime on every engine at once (removes the app's containers or
/// keeps them; an engine that does not answer is given up after the shutdown timeout, without holding up the others)
/// and gives the leases up.
/// </summary>
internal sealed class DockerRuntimeLifecycle(INodeProvider nodes) : IRuntimeLifecycle
{
    public Task OnStartingAsync(CancellationToken cancellationToken) =>
        nodes is DockerNodeProvider docker ? docker.OnEveryEngineAsync(r => r.AcquireLeaseAsync(cancellationToken)) : Task.CompletedTask;

    public Task OnStoppedAsync(CancellationToken cancellationToken) =>
        nodes is DockerNodeProvider docker ? docker.OnEveryEngineAsync(r => r.ShutdownAsync(cancellationToken)) : Task.CompletedTask;
}

using Orchestration.Sdk.Hosting;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker;

/// <summary>When the orchestrator has stopped, applies the Docker lifetime (removes the app's containers or keeps them).</summary>
internal sealed class DockerRuntimeLifecycle(INodeProvider nodes) : IRuntimeLifecycle
{
    public Task OnStoppedAsync(CancellationToken cancellationToken) =>
        nodes is DockerNodeProvider docker ? docker.Runtime.ShutdownAsync(cancellationToken) : Task.CompletedTask;
}

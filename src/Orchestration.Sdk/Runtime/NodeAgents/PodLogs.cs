using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime.Streams;

namespace Orchestration.Sdk.Runtime.NodeAgents;

/// <summary>Reads a pod container's output from its node's runtime, with kubectl's error texts.</summary>
internal static class PodLogs
{
    public static async Task<string> ReadAsync(IContainerRuntime runtime, Pod pod, string? container, bool previous, string? applicationName, CancellationToken cancellationToken)
    {
        var name = PodContainerLocator.ContainerName(pod, container);
        var instance = await PodContainerLocator.FindAsync(runtime, pod, name, previous, applicationName, cancellationToken).ConfigureAwait(false);
        return await runtime.GetLogsAsync(instance.Id, cancellationToken).ConfigureAwait(false);
    }
}

using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime.NodeAgents;

namespace Orchestration.Sdk.Runtime.Streams;

/// <summary>Finds the runtime instance of a pod's container (current or previous), with kubectl's error texts.</summary>
internal static class PodContainerLocator
{
    public static RuntimeNode Node(INodeProvider nodes, Pod pod)
    {
        if (pod.Spec.NodeName is not { } nodeName)
        {
            throw new OrchestrationException($"pod {pod.Metadata.Name} does not have a host assigned");
        }

        return nodes.Nodes.FirstOrDefault(n => n.Name == nodeName)
            ?? throw new NotFoundException(pod.Key, $"node \"{nodeName}\" of pod {pod.Metadata.Name} is not known to this orchestrator");
    }

    public static string ContainerName(Pod pod, string? container)
    {
        var names = pod.Spec.Containers.Select(c => c.Name).ToList();
        if (container is null)
        {
            return names.Count == 1
                ? names[0]
                : throw new OrchestrationException($"a container name must be specified for pod {pod.Metadata.Name}, choose one of: [{string.Join(' ', names)}]");
        }

        return names.Contains(container) || pod.Spec.InitContainers.Any(c => c.Name == container) ? container : throw new OrchestrationException($"container {container} is not valid for pod {pod.Metadata.Name}");
    }

    public static async Task<RuntimeContainer> FindAsync(
        IContainerRuntime runtime, Pod pod, string container, bool previous, string? applicationName, CancellationToken cancellationToken)
    {
        var selector = ContainerRequests.PodSelector(pod.Spec.NodeName!, applicationName, pod.Metadata.Uid);
        selector[RuntimeLabels.ContainerName] = container;
        var found = await runtime.ListContainersAsync(selector, cancellationToken).ConfigureAwait(false);
        var instances = new PodObservation([], found).Instances(container);
        if (previous)
        {
            return instances.Count > 1
                ? instances[^2]
                : throw new NotFoundException(pod.Key, $"previous terminated container \"{container}\" in pod \"{pod.Metadata.Name}\" not found");
        }

        if (instances.Count == 0)
        {
            var reason = pod.Status.ContainerStatuses.FirstOrDefault(s => s.Name == container)?.State.Waiting?.Reason ?? "ContainerCreating";
            throw new NotFoundException(pod.Key, $"container \"{container}\" in pod \"{pod.Metadata.Name}\" is waiting to start: {reason}");
        }

        return instances[^1];
    }
}

using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Runtime.NodeAgents;

/// <summary>Reads a pod container's output from its node's runtime, with kubectl's error texts.</summary>
internal static class PodLogs
{
    public static async Task<string> ReadAsync(IContainerRuntime runtime, Pod pod, string? container, bool previous, string? applicationName, CancellationToken cancellationToken)
    {
        var names = pod.Spec.Containers.Select(c => c.Name).ToList();
        if (container is null)
        {
            if (names.Count != 1)
            {
                throw new OrchestrationException($"a container name must be specified for pod {pod.Metadata.Name}, choose one of: [{string.Join(' ', names)}]");
            }

            container = names[0];
        }
        else if (!names.Contains(container))
        {
            throw new OrchestrationException($"container {container} is not valid for pod {pod.Metadata.Name}");
        }

        var selector = ContainerRequests.PodSelector(pod.Spec.NodeName!, applicationName, pod.Metadata.Uid);
        selector[RuntimeLabels.ContainerName] = container;
        var instances = new PodObservation([], await runtime.ListContainersAsync(selector, cancellationToken).ConfigureAwait(false)).Instances(container);
        if (previous)
        {
            var before = instances.Count > 1 ? instances[^2] : null;
            return before is null
                ? throw new NotFoundException(pod.Key, $"previous terminated container \"{container}\" in pod \"{pod.Metadata.Name}\" not found")
                : await runtime.GetLogsAsync(before.Id, cancellationToken).ConfigureAwait(false);
        }

        if (instances.Count == 0)
        {
            var reason = pod.Status.ContainerStatuses.FirstOrDefault(s => s.Name == container)?.State.Waiting?.Reason ?? "ContainerCreating";
            throw new NotFoundException(pod.Key, $"container \"{container}\" in pod \"{pod.Metadata.Name}\" is waiting to start: {reason}");
        }

        return await runtime.GetLogsAsync(instances[^1].Id, cancellationToken).ConfigureAwait(false);
    }
}

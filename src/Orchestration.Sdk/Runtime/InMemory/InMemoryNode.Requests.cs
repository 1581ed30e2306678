namespace Orchestration.Sdk.Runtime.InMemory;

// Inspection of what the node agent asked for (environment, ports), for tests.
public sealed partial class InMemoryNode
{
    /// <summary>The create request of a pod's newest container instance, or null when there is none.</summary>
    /// <param name="podName">The pod's name, or "namespace/name".</param>
    /// <param name="containerName">The container's name within the pod.</param>
    internal ContainerCreateRequest? FindCreateRequest(string podName, string containerName)
    {
        lock (_gate)
        {
            return Newest(podName, containerName)?.Request;
        }
    }
}

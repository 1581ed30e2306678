namespace Orchestration.Sdk.Runtime;

/// <summary>
/// What the node agent needs from a container engine (the role of Kubernetes' CRI). One instance serves one node.
/// Implementations: the in-memory runtime (simulated nodes, for tests) and the Docker runtime.
/// Every method throws <see cref="ContainerRuntimeException"/> for an engine failure.
/// </summary>
public interface IContainerRuntime
{
    /// <summary>A short name of the runtime ("in-memory", "docker").</summary>
    string RuntimeName { get; }

    /// <summary>Checks the engine answers and reports the node's capacity. Throws when the engine is unreachable.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<RuntimeInfo> GetInfoAsync(CancellationToken cancellationToken);

    /// <summary>Creates the pod's sandbox: the network namespace its containers share, with the pod's address.</summary>
    /// <param name="request">The pod.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PodSandbox> RunPodSandboxAsync(PodSandboxRequest request, CancellationToken cancellationToken);

    /// <summary>Removes a pod's sandbox. Removing a sandbox that does not exist succeeds.</summary>
    /// <param name="sandboxId">The sandbox.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task RemovePodSandboxAsync(string sandboxId, CancellationToken cancellationToken);

    /// <summary>Lists the sandboxes whose labels contain every pair of <paramref name="labelSelector"/>.</summary>
    /// <param name="labelSelector">Label pairs to match.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<PodSandbox>> ListPodSandboxesAsync(IReadOnlyDictionary<string, string> labelSelector, CancellationToken cancellationToken);

    /// <summary>Creates (does not start) a container in a sandbox and returns its id.</summary>
    /// <param name="request">The container.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<string> CreateContainerAsync(ContainerCreateRequest request, CancellationToken cancellationToken);

    /// <summary>Starts a created container.</summary>
    /// <param name="containerId">The container.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task StartContainerAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>Sends SIGTERM, waits up to <paramref name="gracePeriod"/>, then kills. Stopping a stopped container succeeds.</summary>
    /// <param name="containerId">The container.</param>
    /// <param name="gracePeriod">Time between SIGTERM and SIGKILL.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task StopContainerAsync(string containerId, TimeSpan gracePeriod, CancellationToken cancellationToken);

    /// <summary>Removes a container. Removing one that does not exist succeeds.</summary>
    /// <param name="containerId">The container.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task RemoveContainerAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>Inspects a container; null when it does not exist.</summary>
    /// <param name="containerId">The container.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<RuntimeContainer?> InspectContainerAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>Lists containers whose labels contain every pair of <paramref name="labelSelector"/>.</summary>
    /// <param name="labelSelector">Label pairs to match.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<RuntimeContainer>> ListContainersAsync(IReadOnlyDictionary<string, string> labelSelector, CancellationToken cancellationToken);

    /// <summary>
    /// Streams container lifecycle events (start, exit, removal). When the stream had to be re-established, a
    /// <see cref="ContainerEventType.Resync"/> event tells the consumer to relist, so no exit goes unnoticed.
    /// </summary>
    /// <param name="cancellationToken">Ends the stream.</param>
    IAsyncEnumerable<ContainerEvent> WatchEventsAsync(CancellationToken cancellationToken);

    /// <summary>Reads a container's output (stdout and stderr).</summary>
    /// <param name="containerId">The container.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<string> GetLogsAsync(string containerId, CancellationToken cancellationToken);
}

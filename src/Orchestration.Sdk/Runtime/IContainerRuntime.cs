namespace Orchestration.Sdk.Runtime;

/// <summary>
/// What the node agent needs from a container engine (the role of Kubernetes' CRI). One instance serves one node
/// (an <see cref="INodeProvider"/> hands the nodes to the orchestrator). Implementations: the in-memory runtime
/// (simulated nodes, for tests) and the Docker runtime; docs/runtime-extensions.md shows how to write one.
/// Every method throws <see cref="ContainerRuntimeException"/> for an engine failure, with a
/// <see cref="ContainerRuntimeException.Reason"/> in the kubelet's words ("CreateContainerError", "RunContainerError", …)
/// that the node agent puts in the pod's status; the agent retries a failed pod sync with back-off, so a method may fail
/// transiently. Methods may be called concurrently for different pods. Optional capabilities are further interfaces
/// the same object implements: <see cref="IContainerFileUpdater"/> and <see cref="Probes.IProbeRunner"/>.
/// </summary>
public interface IContainerRuntime
{
    /// <summary>A short name of the runtime ("in-memory", "docker").</summary>
    string RuntimeName { get; }

    /// <summary>
    /// Checks the engine answers and reports the node's capacity; called at every heartbeat, so it is cheap and has no
    /// lasting effect (one-time setup, such as Docker's sweep of dead sessions, is allowed on the first call). Throws when
    /// the engine is unreachable: the agent then skips the heartbeat and the node goes NotReady, as a kubelet's would.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<RuntimeInfo> GetInfoAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Creates and starts the pod's sandbox: the network namespace its containers share, with the pod's address. Not
    /// idempotent: each call makes a new sandbox (the agent lists sandboxes by the pod's uid first and removes extra
    /// ones). On failure nothing may be left running.
    /// </summary>
    /// <param name="request">The pod.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PodSandbox> RunPodSandboxAsync(PodSandboxRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Removes a pod's sandbox (the agent removes the pod's containers first; a runtime may remove stragglers with it).
    /// Idempotent: removing a sandbox that does not exist succeeds.
    /// </summary>
    /// <param name="sandboxId">The sandbox.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task RemovePodSandboxAsync(string sandboxId, CancellationToken cancellationToken);

    /// <summary>
    /// Lists the live sandboxes whose labels contain every pair of <paramref name="labelSelector"/> (an empty selector
    /// matches all). A runtime may remove dead sandboxes here (one that cannot run again), so the agent recreates the pod.
    /// </summary>
    /// <param name="labelSelector">Label pairs to match.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<PodSandbox>> ListPodSandboxesAsync(IReadOnlyDictionary<string, string> labelSelector, CancellationToken cancellationToken);

    /// <summary>
    /// Creates (does not start) a container in a sandbox and returns its id, with the image pulled or built as needed and
    /// <see cref="ContainerCreateRequest.Files"/> in place. Not idempotent: each call makes a new container (a runtime
    /// that names containers may replace a leftover of the same name). Throws with reason ErrImagePull or
    /// CreateContainerError when it cannot.
    /// </summary>
    /// <param name="request">The container.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<string> CreateContainerAsync(ContainerCreateRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Starts a created container; a <see cref="ContainerEventType.Started"/> event follows. Throws (reason
    /// RunContainerError) when it cannot start, or when the container does not exist.
    /// </summary>
    /// <param name="containerId">The container.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task StartContainerAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>
    /// Sends SIGTERM, waits up to <paramref name="gracePeriod"/>, then kills; an <see cref="ContainerEventType.Exited"/>
    /// event follows. Idempotent: stopping a stopped or missing container succeeds.
    /// </summary>
    /// <param name="containerId">The container.</param>
    /// <param name="gracePeriod">Time between SIGTERM and SIGKILL.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task StopContainerAsync(string containerId, TimeSpan gracePeriod, CancellationToken cancellationToken);

    /// <summary>
    /// Removes a container (killing it if it still runs) with what the runtime made for it (its files). Idempotent:
    /// removing one that does not exist succeeds.
    /// </summary>
    /// <param name="containerId">The container.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task RemoveContainerAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>Inspects a container; null when it does not exist (not an exception). Side-effect free.</summary>
    /// <param name="containerId">The container.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<RuntimeContainer?> InspectContainerAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>
    /// Lists the app containers (not sandboxes), running or exited, whose labels contain every pair of
    /// <paramref name="labelSelector"/>. Side-effect free; the agent relists after every <see cref="ContainerEventType.Resync"/>.
    /// </summary>
    /// <param name="labelSelector">Label pairs to match.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<RuntimeContainer>> ListContainersAsync(IReadOnlyDictionary<string, string> labelSelector, CancellationToken cancellationToken);

    /// <summary>
    /// Streams container lifecycle events (start, exit, removal) from the moment the enumeration starts. When the
    /// stream had to be re-established, a <see cref="ContainerEventType.Resync"/> event tells the consumer to relist, so
    /// no exit goes unnoticed; an exception ends it, and the agent subscribes again with back-off and relists. The
    /// agent learns of exits only from here: a runtime must not drop an Exited event silently.
    /// </summary>
    /// <param name="cancellationToken">Ends the stream.</param>
    IAsyncEnumerable<ContainerEvent> WatchEventsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Reads a container's output so far (stdout and stderr), also after it exited. Side-effect free. Throws with
    /// reason NotFound when the container does not exist.
    /// </summary>
    /// <param name="containerId">The container.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<string> GetLogsAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>
    /// Removes a claim's volume and its data (<see cref="RuntimeVolumeType.Claim"/>, by <see cref="RuntimeVolume.Id"/>):
    /// the local provisioner calls it when a claim with reclaim policy Delete is deleted. Idempotent: removing a volume
    /// that does not exist succeeds. Throws when the volume is still in use. The default implementation does nothing
    /// (a runtime that keeps no volumes).
    /// </summary>
    /// <param name="volumeId">The volume.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task RemoveVolumeAsync(string volumeId, CancellationToken cancellationToken) => Task.CompletedTask;
}

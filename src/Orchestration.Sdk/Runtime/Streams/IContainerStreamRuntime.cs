namespace Orchestration.Sdk.Runtime.Streams;

/// <summary>
/// The streaming side of a container runtime (the CRI's ExecSync/Exec/PortForward and the kubelet's log follower),
/// implemented by a runtime whose containers run real processes. A runtime without it (the in-memory runtime) still
/// serves logs through <see cref="IContainerRuntime.GetLogsAsync"/>, and exec and port-forward are refused.
/// </summary>
public interface IContainerStreamRuntime
{
    /// <summary>
    /// Streams a container's output (stdout and stderr, interleaved as written) in chunks; with
    /// <see cref="ContainerLogOptions.Follow"/> the stream stays open until the container stops or the token fires.
    /// Throws <see cref="ContainerRuntimeException"/> (reason <c>NotFound</c>) when the container does not exist.
    /// </summary>
    /// <param name="containerId">The container.</param>
    /// <param name="options">Follow, tail, since and timestamps.</param>
    /// <param name="cancellationToken">Ends the stream.</param>
    IAsyncEnumerable<ReadOnlyMemory<byte>> StreamLogsAsync(string containerId, ContainerLogOptions options, CancellationToken cancellationToken);

    /// <summary>
    /// Starts a command in a running container and attaches to its standard streams. Not idempotent: every call
    /// starts a new process. Throws <see cref="ContainerRuntimeException"/> when the container is not running.
    /// </summary>
    /// <param name="containerId">The container.</param>
    /// <param name="options">The command and which streams to attach.</param>
    /// <param name="cancellationToken">Cancels the start (not the session; dispose the session to end it).</param>
    Task<IContainerExecSession> ExecAsync(string containerId, ContainerExecOptions options, CancellationToken cancellationToken);

    /// <summary>
    /// Opens a TCP connection to <paramref name="port"/> in the network namespace of the container's pod (what
    /// <c>kubectl port-forward</c> reaches). Throws <see cref="ContainerRuntimeException"/> when nothing listens.
    /// </summary>
    /// <param name="containerId">Any container of the pod.</param>
    /// <param name="port">The port inside the pod.</param>
    /// <param name="cancellationToken">Cancels the connect.</param>
    Task<Stream> ConnectAsync(string containerId, int port, CancellationToken cancellationToken);
}

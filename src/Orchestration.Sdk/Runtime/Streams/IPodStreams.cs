using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Runtime.Streams;

/// <summary>
/// The pod subresources that stream (<c>log</c>, <c>exec</c>, <c>portforward</c>): finds the pod's node and container
/// and asks that node's runtime. Errors use kubectl's wording: <see cref="NotFoundException"/> for a container that
/// is not there (yet), <see cref="OrchestrationException"/> for a bad container name, and
/// <see cref="ContainerStreamingNotSupportedException"/> when the runtime runs no processes (the in-memory runtime).
/// </summary>
public interface IPodStreams
{
    /// <summary>
    /// Streams a container's output. On a runtime without <see cref="IContainerStreamRuntime"/> it yields what
    /// <see cref="IContainerRuntime.GetLogsAsync"/> returns (tail applied) and ends, even with follow; the in-memory
    /// runtime follows its own output (each write as it happens, until the instance exits).
    /// Errors surface on the first move of the enumerator, before any output.
    /// </summary>
    /// <param name="pod">The pod.</param>
    /// <param name="container">The container; may be null when the pod has one.</param>
    /// <param name="previous">Read the previous (terminated) instance of the container.</param>
    /// <param name="options">Follow, tail, since and timestamps.</param>
    /// <param name="cancellationToken">Ends the stream.</param>
    IAsyncEnumerable<ReadOnlyMemory<byte>> StreamLogsAsync(Pod pod, string? container, bool previous, ContainerLogOptions options, CancellationToken cancellationToken);

    /// <summary>Starts a command in the pod's running container.</summary>
    /// <param name="pod">The pod.</param>
    /// <param name="container">The container; may be null when the pod has one.</param>
    /// <param name="options">The command and the streams.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    Task<IContainerExecSession> ExecAsync(Pod pod, string? container, ContainerExecOptions options, CancellationToken cancellationToken);

    /// <summary>
    /// Throws <see cref="ContainerStreamingNotSupportedException"/> when the pod's runtime runs no processes, so a
    /// caller can refuse a streaming request before it upgrades the connection (port forwarding over SPDY learns its
    /// ports only after the upgrade).
    /// </summary>
    /// <param name="pod">The pod.</param>
    /// <param name="verb">What the caller was asked to do, for the message: "exec into", "forward a port of".</param>
    void EnsureProcesses(Pod pod, string verb);

    /// <summary>Connects to a port in the pod's network namespace.</summary>
    /// <param name="pod">The pod.</param>
    /// <param name="port">The port.</param>
    /// <param name="cancellationToken">Cancels the connect.</param>
    Task<Stream> PortForwardAsync(Pod pod, int port, CancellationToken cancellationToken);
}

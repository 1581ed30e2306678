using Orchestration.Sdk.Runtime.Streams;

namespace Orchestration.Sdk.Docker;

/// <summary>The streaming contract (logs -f, exec, port-forward), served by <see cref="DockerContainerStreams"/>.</summary>
internal sealed partial class DockerContainerRuntime : IContainerStreamRuntime
{
    private DockerContainerStreams? _streams;

    private DockerContainerStreams Streams => _streams ??= new DockerContainerStreams(_engine.Client, _engine.Options.EffectiveNetworkName);

    public IAsyncEnumerable<ReadOnlyMemory<byte>> StreamLogsAsync(string containerId, ContainerLogOptions options, CancellationToken cancellationToken) =>
        Streams.StreamLogsAsync(containerId, options, cancellationToken);

    public Task<IContainerExecSession> ExecAsync(string containerId, ContainerExecOptions options, CancellationToken cancellationToken) =>
        Streams.ExecAsync(containerId, options, cancellationToken);

    public Task<Stream> ConnectAsync(string containerId, int port, CancellationToken cancellationToken) =>
        Streams.ConnectAsync(containerId, port, cancellationToken);
}

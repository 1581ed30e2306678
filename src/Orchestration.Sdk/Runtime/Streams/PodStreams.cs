using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Options;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime.NodeAgents;

namespace Orchestration.Sdk.Runtime.Streams;

/// <summary><see cref="IPodStreams"/> over the nodes of the <see cref="INodeProvider"/>.</summary>
internal sealed class PodStreams : IPodStreams
{
    private readonly INodeProvider _nodes;
    private readonly string? _applicationName;

    public PodStreams(INodeProvider nodes, IOptions<NodeAgentOptions> options)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(options);
        _nodes = nodes;
        _applicationName = options.Value.ApplicationName;
    }

    public async IAsyncEnumerable<ReadOnlyMemory<byte>> StreamLogsAsync(
        Pod pod, string? container, bool previous, ContainerLogOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(options);
        var (runtime, instance) = await LocateAsync(pod, container, previous, cancellationToken).ConfigureAwait(false);
        if (runtime is IContainerStreamRuntime streams)
        {
            await foreach (var chunk in streams.StreamLogsAsync(instance.Id, options, cancellationToken).ConfigureAwait(false))
            {
                yield return chunk;
            }

            yield break;
        }

        if (options.Follow && runtime is InMemory.InMemoryNode simulated)
        {
            // The in-memory runtime has no streaming side but can follow its own output: the tail first, then each write.
            var first = true;
            await foreach (var written in simulated.FollowLogsAsync(instance.Id, cancellationToken).ConfigureAwait(false))
            {
                yield return Encoding.UTF8.GetBytes(first ? Tail(written, options.TailLines) : written);
                first = false;
            }

            yield break;
        }

        var text = await runtime.GetLogsAsync(instance.Id, cancellationToken).ConfigureAwait(false);
        yield return Encoding.UTF8.GetBytes(Tail(text, options.TailLines));
    }

    public async Task<IContainerExecSession> ExecAsync(Pod pod, string? container, ContainerExecOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(options);
        var streams = Streaming(PodContainerLocator.Node(_nodes, pod).Runtime, pod, "exec into");
        var (_, instance) = await LocateAsync(pod, container, previous: false, cancellationToken).ConfigureAwait(false);
        return await streams.ExecAsync(instance.Id, options, cancellationToken).ConfigureAwait(false);
    }

    public void EnsureProcesses(Pod pod, string verb)
    {
        ArgumentNullException.ThrowIfNull(pod);
        _ = Streaming(PodContainerLocator.Node(_nodes, pod).Runtime, pod, verb);
    }

    public async Task<Stream> PortForwardAsync(Pod pod, int port, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var node = PodContainerLocator.Node(_nodes, pod);
        var streams = Streaming(node.Runtime, pod, "forward a port of");
        var name = pod.Spec.Containers.Select(c => c.Name).FirstOrDefault()
            ?? throw new OrchestrationException($"pod {pod.Metadata.Name} has no containers");
        var instance = await PodContainerLocator.FindAsync(node.Runtime, pod, name, previous: false, _applicationName, cancellationToken).ConfigureAwait(false);
        return await streams.ConnectAsync(instance.Id, port, cancellationToken).ConfigureAwait(false);
    }

    internal static string Tail(string text, long? lines)
    {
        if (lines is not { } count || count < 0)
        {
            return text;
        }

        var end = text.EndsWith('\n') ? text.Length - 1 : text.Length;
        var start = end;
        for (var seen = 0L; start > 0; start--)
        {
            if (text[start - 1] == '\n' && ++seen == count)
            {
                break;
            }
        }

        return count == 0 ? string.Empty : text[start..];
    }

    private static IContainerStreamRuntime Streaming(IContainerRuntime runtime, Pod pod, string verb) =>
        runtime as IContainerStreamRuntime
        ?? throw new ContainerStreamingNotSupportedException(
            $"unable to {verb} pod \"{pod.Metadata.Name}\": the {runtime.RuntimeName} runtime runs no container processes");

    private async Task<(IContainerRuntime Runtime, RuntimeContainer Instance)> LocateAsync(
        Pod pod, string? container, bool previous, CancellationToken cancellationToken)
    {
        var node = PodContainerLocator.Node(_nodes, pod);
        var name = PodContainerLocator.ContainerName(pod, container);
        var instance = await PodContainerLocator.FindAsync(node.Runtime, pod, name, previous, _applicationName, cancellationToken).ConfigureAwait(false);
        return (node.Runtime, instance);
    }
}

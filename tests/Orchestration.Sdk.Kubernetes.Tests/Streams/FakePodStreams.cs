using System.Runtime.CompilerServices;
using System.Text;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime.Streams;

namespace Orchestration.Sdk.Kubernetes.Tests.Streams;

/// <summary>An <see cref="IPodStreams"/> whose sessions, logs and connections a test scripts.</summary>
internal sealed class FakePodStreams : IPodStreams
{
    public FakeExecSession Session { get; } = new();

    public Exception? Failure { get; set; }

    public List<string> LogChunks { get; } = [];

    public ContainerLogOptions? LastLogOptions { get; private set; }

    public ContainerExecOptions? LastExecOptions { get; private set; }

    public string? LastContainer { get; private set; }

    public Func<int, Stream>? Connect { get; set; }

    public static Pod Pod(string name = "web-1") => new()
    {
        Metadata = new ObjectMeta { Name = name, Uid = "uid-" + name },
        Spec = new PodSpec { Containers = [new Container { Name = "main", Image = "app:1" }], NodeName = "n1" },
    };

    public async IAsyncEnumerable<ReadOnlyMemory<byte>> StreamLogsAsync(
        Pod pod, string? container, bool previous, ContainerLogOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        LastLogOptions = options;
        LastContainer = container;
        await Task.Yield();
        if (Failure is not null)
        {
            throw Failure;
        }

        foreach (var chunk in LogChunks)
        {
            yield return Encoding.UTF8.GetBytes(chunk);
        }
    }

    public Task<IContainerExecSession> ExecAsync(Pod pod, string? container, ContainerExecOptions options, CancellationToken cancellationToken)
    {
        LastExecOptions = options;
        LastContainer = container;
        return Failure is null ? Task.FromResult<IContainerExecSession>(Session) : Task.FromException<IContainerExecSession>(Failure);
    }

    /// <summary>The fake's pods run processes.</summary>
    public void EnsureProcesses(Pod pod, string verb)
    {
    }

    public Task<Stream> PortForwardAsync(Pod pod, int port, CancellationToken cancellationToken) =>
        Failure is null ? Task.FromResult(Connect!(port)) : Task.FromException<Stream>(Failure);
}

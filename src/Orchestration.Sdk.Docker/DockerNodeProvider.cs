using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker;

/// <summary>
/// The Docker engine as one node. Its capacity is what the engine reports (CPU count and memory, through
/// <see cref="IContainerRuntime.GetInfoAsync"/>). Disposing it runs the runtime's shutdown path.
/// </summary>
internal sealed class DockerNodeProvider : INodeProvider, IAsyncDisposable, IDisposable
{
    private readonly DockerContainerRuntime _runtime;

    public DockerNodeProvider(DockerRuntimeOptions options, TimeProvider time, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        _runtime = new DockerContainerRuntime(options, time, loggerFactory);
        Nodes =
        [
            new RuntimeNode
            {
                Name = options.NodeName,
                Runtime = _runtime,
                Labels = new Dictionary<string, string>
                {
                    ["kubernetes.io/hostname"] = options.NodeName,
                    ["kubernetes.io/os"] = "linux",
                    [WellKnownLabels.Runtime] = "docker",
                },
            },
        ];
    }

    public IReadOnlyList<RuntimeNode> Nodes { get; }

    /// <summary>Never raised: the engine is the only node.</summary>
    public event EventHandler<RuntimeNode>? NodeAdded
    {
        add { }
        remove { }
    }

    internal DockerContainerRuntime Runtime => _runtime;

    public ValueTask DisposeAsync() => _runtime.DisposeAsync();

    public void Dispose() => _runtime.DisposeAsync().AsTask().GetAwaiter().GetResult();
}

using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker;

/// <summary>
/// The Docker engines as nodes, one <see cref="DockerContainerRuntime"/> each (<see cref="DockerRuntimeOptions.Engines"/>,
/// else the one engine at <see cref="DockerRuntimeOptions.Endpoint"/>). A node's capacity is what its engine reports
/// (CPU count and memory, through <see cref="IContainerRuntime.GetInfoAsync"/>) unless its options set it. Disposing it
/// runs every runtime's shutdown path, the engines in parallel.
/// </summary>
internal sealed class DockerNodeProvider : INodeProvider, IAsyncDisposable, IDisposable
{
    public DockerNodeProvider(DockerRuntimeOptions options, TimeProvider time, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var engines = options.EffectiveEngines;
        Runtimes = [.. engines.Select(e => new DockerContainerRuntime(options.Engines.Count > 0 ? options.ForEngine(e) : options, time, loggerFactory))];
        Nodes = [.. engines.Zip(Runtimes).Select(pair => new RuntimeNode
        {
            Name = pair.First.Name,
            Runtime = pair.Second,
            Labels = LabelsOf(pair.First),
            Taints = [.. pair.First.Taints],
        })];
    }

    public IReadOnlyList<RuntimeNode> Nodes { get; }

    /// <summary>Never raised: the engines are fixed when the host starts.</summary>
    public event EventHandler<RuntimeNode>? NodeAdded
    {
        add { }
        remove { }
    }

    /// <summary>The runtime of every engine, in the order of the nodes.</summary>
    internal IReadOnlyList<DockerContainerRuntime> Runtimes { get; }

    /// <summary>The first engine's runtime (the only one of a single-engine cluster).</summary>
    internal DockerContainerRuntime Runtime => Runtimes[0];

    /// <summary>Runs <paramref name="action"/> on every engine at once; waits for all, then throws the first failure.</summary>
    internal Task OnEveryEngineAsync(Func<DockerContainerRuntime, Task> action) => Task.WhenAll(Runtimes.Select(action));

    public async ValueTask DisposeAsync() =>
        await Task.WhenAll(Runtimes.Select(r => r.DisposeAsync().AsTask())).ConfigureAwait(false);

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static Dictionary<string, string> LabelsOf(DockerEngineOptions engine)
    {
        var labels = new Dictionary<string, string>(engine.Labels, StringComparer.Ordinal);
        labels.TryAdd("kubernetes.io/hostname", engine.Name);
        labels.TryAdd("kubernetes.io/os", "linux");
        labels.TryAdd(WellKnownLabels.Runtime, "docker");
        return labels;
    }
}

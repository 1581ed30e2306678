using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Extensibility.Tests;

/// <summary>One node, served by one <see cref="TinyRuntime"/>.</summary>
internal sealed class TinyNodeProvider : INodeProvider
{
    public TinyNodeProvider(TimeProvider time)
    {
        Runtime = new TinyRuntime(time);
        Nodes = [new RuntimeNode { Name = "tiny-1", Runtime = Runtime, Labels = new Dictionary<string, string> { ["kubernetes.io/hostname"] = "tiny-1" } }];
    }

    public TinyRuntime Runtime { get; }

    public IReadOnlyList<RuntimeNode> Nodes { get; }

    /// <summary>Never raised: the node set is fixed.</summary>
    public event EventHandler<RuntimeNode>? NodeAdded
    {
        add { }
        remove { }
    }
}

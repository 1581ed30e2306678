using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Runtime;

/// <summary>A node the SDK runs pods on: a name, its labels and taints, and the runtime that drives it.</summary>
public sealed record RuntimeNode
{
    /// <summary>The node's name (a DNS-1123 subdomain).</summary>
    public required string Name { get; init; }

    /// <summary>The runtime driving this node.</summary>
    public required IContainerRuntime Runtime { get; init; }

    /// <summary>Node labels, matched by pods' node selectors. <value>The default value is empty.</value></summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Node taints. <value>The default value is empty.</value></summary>
    public IReadOnlyList<Taint> Taints { get; init; } = [];

    /// <summary>The most pods the node takes. <value>The default value is 110, as Kubernetes'.</value></summary>
    public int MaxPods { get; init; } = 110;
}

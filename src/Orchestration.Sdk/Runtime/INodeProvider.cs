namespace Orchestration.Sdk.Runtime;

/// <summary>Supplies the nodes of the cluster: simulated nodes, or the local Docker engine.</summary>
public interface INodeProvider
{
    /// <summary>The nodes known now.</summary>
    IReadOnlyList<RuntimeNode> Nodes { get; }

    /// <summary>Raised when a node is added while the orchestrator runs.</summary>
    event EventHandler<RuntimeNode>? NodeAdded;
}

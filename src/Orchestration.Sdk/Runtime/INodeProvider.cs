namespace Orchestration.Sdk.Runtime;

/// <summary>
/// Supplies the nodes of the cluster: simulated nodes, the local Docker engine, or a runtime of your own. The orchestrator
/// resolves one (a runtime's <c>Use…</c> method registers it with <c>services.Replace</c>, so the last runtime chosen
/// wins), starts a node agent per node and registers each as a Node object. Disposing the service provider disposes it,
/// so a provider that owns runtimes releases them in <see cref="IAsyncDisposable.DisposeAsync"/>.
/// </summary>
public interface INodeProvider
{
    /// <summary>The nodes known now (read when the orchestrator starts; nodes added later also come through <see cref="NodeAdded"/>).</summary>
    IReadOnlyList<RuntimeNode> Nodes { get; }

    /// <summary>
    /// Raised when a node is added while the orchestrator runs; the agent manager starts an agent for it. A provider whose
    /// nodes are fixed never raises it.
    /// </summary>
    event EventHandler<RuntimeNode>? NodeAdded;
}

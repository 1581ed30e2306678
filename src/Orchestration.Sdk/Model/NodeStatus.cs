namespace Orchestration.Sdk.Model;

/// <summary>The observed state of a node.</summary>
public sealed record NodeStatus
{
    /// <summary>Total resources of the node.</summary>
    public NodeResources Capacity { get; init; } = new();

    /// <summary>Resources available to pods (capacity less what is reserved for the system).</summary>
    public NodeResources Allocatable { get; init; } = new();

    /// <summary>Conditions; Ready is True while the node agent heart-beats.</summary>
    public IReadOnlyList<Condition> Conditions { get; init => field = ValueCollections.List(value); } = ValueList<Condition>.Empty;

    /// <summary>The node's address.</summary>
    public string? Address { get; init; }

    /// <summary>The last heartbeat received from the node agent.</summary>
    public DateTimeOffset LastHeartbeatTime { get; init; }

    /// <summary>Whether the Ready condition is True.</summary>
    public bool IsReady => Conditions.Find(NodeConditionType.Ready)?.IsTrue == true;
}

namespace Orchestration.Sdk.Model;

/// <summary>What the scheduler and node agent observed of a pod.</summary>
public sealed record PodStatus
{
    /// <summary>The lifecycle phase. <value>The default value is <see cref="PodPhase.Pending"/>.</value></summary>
    public PodPhase Phase { get; init; } = PodPhase.Pending;

    /// <summary>Conditions: PodScheduled (with reason Unschedulable and the scheduler's message) and Ready.</summary>
    public IReadOnlyList<Condition> Conditions { get; init => field = ValueCollections.List(value); } = ValueList<Condition>.Empty;

    /// <summary>One entry per init container, in spec order. <value>The default value is empty.</value></summary>
    public IReadOnlyList<ContainerStatus> InitContainerStatuses { get; init => field = ValueCollections.List(value); } = ValueList<ContainerStatus>.Empty;

    /// <summary>One entry per container.</summary>
    public IReadOnlyList<ContainerStatus> ContainerStatuses { get; init => field = ValueCollections.List(value); } = ValueList<ContainerStatus>.Empty;

    /// <summary>A one-word reason for the phase, for example "Evicted". <value>The default value is null.</value></summary>
    public string? Reason { get; init; }

    /// <summary>A human-readable message. <value>The default value is null.</value></summary>
    public string? Message { get; init; }

    /// <summary>The pod's address on the cluster network, once it has a sandbox.</summary>
    public string? PodIP { get; init; }

    /// <summary>The address of the node the pod runs on.</summary>
    public string? HostIP { get; init; }

    /// <summary>When the node agent started working on the pod.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>Whether the Ready condition is True.</summary>
    public bool IsReady => Conditions.Find(PodConditionType.Ready)?.IsTrue == true;

    /// <summary>The sum of the containers' restart counts.</summary>
    public int RestartCount => ContainerStatuses.Sum(c => c.RestartCount);
}

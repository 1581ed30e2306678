namespace Orchestration.Sdk.Model;

/// <summary>What a pod should run and where it may run.</summary>
public sealed record PodSpec
{
    /// <summary>The containers; at least one, names unique.</summary>
    public IReadOnlyList<Container> Containers { get; init => field = ValueCollections.List(value); } = ValueList<Container>.Empty;

    /// <summary>
    /// Containers run one at a time, in order, each to a successful exit, before the app containers start; a failed one
    /// is restarted with back-off unless the restart policy is Never (then the pod fails). Names are unique across
    /// init and app containers. <value>The default value is empty.</value>
    /// </summary>
    public IReadOnlyList<Container> InitContainers { get; init => field = ValueCollections.List(value); } = ValueList<Container>.Empty;

    /// <summary>When exited containers are restarted. <value>The default value is <see cref="RestartPolicy.Always"/>.</value></summary>
    public RestartPolicy RestartPolicy { get; init; } = RestartPolicy.Always;

    /// <summary>Labels a node must have for the pod to be scheduled onto it. <value>The default value is empty.</value></summary>
    public IReadOnlyDictionary<string, string> NodeSelector { get; init => field = ValueCollections.Map(value); } = ObjectMeta.EmptyMap;

    /// <summary>Taints this pod tolerates. <value>The default value is empty.</value></summary>
    public IReadOnlyList<Toleration> Tolerations { get; init => field = ValueCollections.List(value); } = ValueList<Toleration>.Empty;

    /// <summary>The node the pod is bound to; set by the scheduler. <value>The default value is null (unscheduled).</value></summary>
    public string? NodeName { get; init; }

    /// <summary>Volumes the containers can mount, names unique. <value>The default value is empty.</value></summary>
    public IReadOnlyList<Volume> Volumes { get; init => field = ValueCollections.List(value); } = ValueList<Volume>.Empty;

    /// <summary>Seconds between SIGTERM and SIGKILL when the pod is deleted. <value>The default value is 30.</value></summary>
    public long TerminationGracePeriodSeconds { get; init; } = 30;
}

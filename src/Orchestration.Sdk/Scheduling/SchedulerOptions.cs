namespace Orchestration.Sdk.Scheduling;

/// <summary>Options of the scheduler that binds pending pods to nodes.</summary>
public sealed class SchedulerOptions
{
    /// <summary>
    /// How a node is scored by the CPU and memory its pods request.
    /// <value>The default value is <see cref="Scheduling.ScoringStrategy.LeastAllocated"/>, as kube-scheduler's.</value>
    /// </summary>
    public ScoringStrategy ScoringStrategy { get; set; } = ScoringStrategy.LeastAllocated;

    /// <summary>
    /// The share of nodes, in percent (0 to 100), that must be found feasible before the search stops and the feasible
    /// ones are scored, as kube-scheduler's <c>percentageOfNodesToScore</c>. Each search starts where the previous one
    /// stopped, so every node is considered in turn. Clusters of fewer than 100 nodes are always searched whole, and at
    /// least 100 feasible nodes are looked for. 0 means adaptive: 50% less one percent per 125 nodes, at least 5%
    /// (10% of 5 000 nodes, that is 500). 100 scores every feasible node.
    /// <value>The default value is 0 (adaptive).</value>
    /// </summary>
    public int PercentageOfNodesToScore { get; set; }

    /// <summary>
    /// The longest a pod that fits nowhere waits before it is tried again even though nothing in the cluster changed, as
    /// kube-scheduler's <c>podMaxInUnschedulablePodsDuration</c>. A pod is tried again at once when a node is added or
    /// changes, or when a bound pod is deleted.
    /// <value>The default value is 5 minutes.</value>
    /// </summary>
    public TimeSpan UnschedulableRetryInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The weight of the score that prefers nodes running fewer pods of the same controller (the replicas of one
    /// ReplicaSet), relative to the resource score whose weight is 1. 0 turns spreading off.
    /// <value>The default value is 2, the weight of kube-scheduler's PodTopologySpread.</value>
    /// </summary>
    public int SpreadWeight { get; set; } = 2;
}

namespace Orchestration.Sdk.Scheduling;

/// <summary>
/// The score half of kube-scheduler's NodeResourcesFit: LeastAllocated prefers the node with most CPU and memory left
/// after placing the pod, MostAllocated the node with least left (bin packing). CPU and memory weigh the same; requests
/// use the non-zero defaults so pods without requests still spread (or pack).
/// </summary>
internal sealed class ResourceAllocationScorePlugin(ScoringStrategy strategy) : IScorePlugin
{
    public const string PluginName = "NodeResourcesFit";

    public string Name => PluginName;

    public int Weight => 1;

    public ScoringStrategy Strategy { get; } = strategy;

    public long Score(PodInfo pod, NodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        long total = 0, weights = 0;
        if (node.AllocatableMilliCpu > 0)
        {
            total += ResourceScore(node.NonZeroRequestedMilliCpu + pod.NonZeroMilliCpu, node.AllocatableMilliCpu);
            weights++;
        }

        if (node.AllocatableMemory > 0)
        {
            total += ResourceScore(node.NonZeroRequestedMemory + pod.NonZeroMemory, node.AllocatableMemory);
            weights++;
        }

        return weights == 0 ? 0 : total / weights;
    }

    public void Normalize(Span<long> scores)
    {
    }

    private long ResourceScore(long requested, long capacity) => Strategy == ScoringStrategy.MostAllocated
        ? MostRequestedScore(requested, capacity)
        : LeastRequestedScore(requested, capacity);

    // Computed in 128-bit so memory amounts near long.MaxValue cannot overflow when multiplied by 100.
    private static long LeastRequestedScore(long requested, long capacity) =>
        requested > capacity ? 0 : (long)((Int128)(capacity - requested) * SchedulingFramework.MaxNodeScore / capacity);

    private static long MostRequestedScore(long requested, long capacity) =>
        (long)((Int128)Math.Min(requested, capacity) * SchedulingFramework.MaxNodeScore / capacity);
}

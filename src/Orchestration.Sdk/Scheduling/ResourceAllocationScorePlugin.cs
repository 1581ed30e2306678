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

    public bool PreScore(PodInfo pod, ReadOnlySpan<NodeInfo> feasibleNodes) => true;

    public long Score(PodInfo pod, NodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        if (node.TryGetResourceScore(pod.NonZeroMilliCpu, pod.NonZeroMemory, Strategy, out var cached))
        {
            return cached;
        }

        var score = Compute(pod, node);
        node.StoreResourceScore(pod.NonZeroMilliCpu, pod.NonZeroMemory, Strategy, score);
        return score;
    }

    public void Normalize(Span<long> scores)
    {
    }

    private long Compute(PodInfo pod, NodeInfo node)
    {
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

    private long ResourceScore(long requested, long capacity) => Strategy == ScoringStrategy.MostAllocated
        ? MostRequestedScore(requested, capacity)
        : LeastRequestedScore(requested, capacity);

    private static long LeastRequestedScore(long requested, long capacity) =>
        requested > capacity ? 0 : Scale(capacity - requested, capacity);

    private static long MostRequestedScore(long requested, long capacity) =>
        Scale(Math.Min(requested, capacity), capacity);

    // part * 100 / whole without overflow; 128-bit only for amounts above 92 PB, which no node has.
    private static long Scale(long part, long whole) => part <= long.MaxValue / SchedulingFramework.MaxNodeScore
        ? part * SchedulingFramework.MaxNodeScore / whole
        : (long)((Int128)part * SchedulingFramework.MaxNodeScore / whole);
}

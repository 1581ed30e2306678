namespace Orchestration.Sdk.Scheduling;

/// <summary>
/// Prefers nodes running fewer pods of the pod's controller, so the replicas of one ReplicaSet spread over nodes, as
/// kube-scheduler's SelectorSpread (and PodTopologySpread's default hostname constraint). A pod without a controller
/// scores the same everywhere.
/// </summary>
internal sealed class OwnerSpreadPlugin(int weight) : IScorePlugin
{
    public const string PluginName = "OwnerSpread";

    public string Name => PluginName;

    public int Weight { get; } = weight;

    public bool PreScore(PodInfo pod, ReadOnlySpan<NodeInfo> feasibleNodes)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return pod.OwnerId != PodInfo.NoOwner;
    }

    public long Score(PodInfo pod, NodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        return node.CountOwnedBy(pod.OwnerId);
    }

    public void Normalize(Span<long> scores) => ScoreNormalizer.Normalize(scores, reverse: true);
}

namespace Orchestration.Sdk.Scheduling;

/// <summary>Ranks the nodes that passed every filter, as kube-scheduler's ScorePlugin with its ScoreExtensions.</summary>
internal interface IScorePlugin
{
    /// <summary>The plugin name.</summary>
    string Name { get; }

    /// <summary>The weight the normalized score is multiplied by before the plugins' scores are added.</summary>
    int Weight { get; }

    /// <summary>
    /// Called once per attempt before scoring, as kube-scheduler's PreScore: false means every node would get the same
    /// score (a pod without a controller, no PreferNoSchedule taint anywhere), so the plugin is skipped for this pod.
    /// </summary>
    bool PreScore(PodInfo pod, ReadOnlySpan<NodeInfo> feasibleNodes);

    /// <summary>The raw score of one node; after <see cref="Normalize"/> every score is between 0 and <see cref="SchedulingFramework.MaxNodeScore"/>.</summary>
    long Score(PodInfo pod, NodeInfo node);

    /// <summary>Rescales the raw scores of all feasible nodes in place (for plugins whose raw score is a count).</summary>
    void Normalize(Span<long> scores);
}

using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Scheduling;

/// <summary>
/// As kube-scheduler's TaintToleration: filters out nodes with a NoSchedule or NoExecute taint the pod does not
/// tolerate (a node that is not Ready carries the not-ready or unreachable taint), and scores down nodes with
/// PreferNoSchedule taints the pod does not tolerate.
/// </summary>
internal sealed class TaintTolerationPlugin : IFilterPlugin, IScorePlugin
{
    public const string PluginName = "TaintToleration";

    /// <summary>kube-scheduler's default weight for this plugin's score.</summary>
    public const int DefaultWeight = 3;

    public string Name => PluginName;

    public int Weight => DefaultWeight;

    /// <summary>The filter's status for a taint the pod does not tolerate: "node(s) had untolerated taint {key: value}".</summary>
    public static FilterStatus UntoleratedStatus(Taint taint)
    {
        ArgumentNullException.ThrowIfNull(taint);
        return new FilterStatus(StatusCode.UnschedulableAndUnresolvable, PluginName, $"node(s) had untolerated taint {{{taint.Key}: {taint.Value}}}");
    }

    public FilterStatus Filter(PodInfo pod, NodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        var taints = node.FilterTaints;
        for (var i = 0; i < taints.Length; i++)
        {
            if (!Tolerated(pod.Pod.Spec.Tolerations, taints[i]))
            {
                return node.FilterTaintStatuses[i];
            }
        }

        return FilterStatus.Success;
    }

    public bool PreScore(PodInfo pod, ReadOnlySpan<NodeInfo> feasibleNodes)
    {
        foreach (var node in feasibleNodes)
        {
            if (node.HasPreferNoScheduleTaints)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The number of PreferNoSchedule taints the pod does not tolerate (fewer is better).</summary>
    public long Score(PodInfo pod, NodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        var taints = node.PreferNoScheduleTaints;
        var count = 0;
        for (var i = 0; i < taints.Length; i++)
        {
            if (!Tolerated(pod.Pod.Spec.Tolerations, taints[i]))
            {
                count++;
            }
        }

        return count;
    }

    public void Normalize(Span<long> scores) => ScoreNormalizer.Normalize(scores, reverse: true);

    private static bool Tolerated(IReadOnlyList<Toleration> tolerations, Taint taint)
    {
        for (var i = 0; i < tolerations.Count; i++)
        {
            if (tolerations[i].Tolerates(taint))
            {
                return true;
            }
        }

        return false;
    }
}

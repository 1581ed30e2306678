namespace Orchestration.Sdk.Scheduling;

/// <summary>
/// One scheduling profile, as kube-scheduler's framework: filter plugins in order (the first rejection of a node is
/// its status), then the weighted, normalized scores of the feasible nodes, then the best node (ties broken at random).
/// Like kube-scheduler it stops searching once <see cref="NumFeasibleNodesToFind"/> feasible nodes are found, starting
/// each search where the last one stopped. Not thread-safe: one scheduling loop owns it; it reuses its buffers, so
/// an attempt allocates nothing proportional to the number of nodes unless it fails.
/// </summary>
internal sealed class SchedulingFramework
{
    public const long MaxNodeScore = 100;

    private const int MinFeasibleNodesToFind = 100;
    private const int MinFeasibleNodesPercentageToFind = 5;

    private readonly IFilterPlugin[] _filters;
    private readonly IScorePlugin[] _scorers;
    private readonly int _percentageOfNodesToScore;

    // Set when the filters are exactly the default ones in their order, so a node that only the resources can reject
    // is filtered by NodeResourcesFit alone (the other three would pass it): same statuses, no interface calls.
    private readonly bool _defaultFilters;
    private readonly Random _random;
    private NodeInfo[] _feasible = [];
    private FilterStatus[] _statuses = [];
    private long[] _scores = [];
    private long[] _totals = [];
    private int _nextStartNodeIndex;

    public SchedulingFramework(IEnumerable<IFilterPlugin> filters, IEnumerable<IScorePlugin> scorers, int percentageOfNodesToScore = 0, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(scorers);
        ArgumentOutOfRangeException.ThrowIfNegative(percentageOfNodesToScore);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentageOfNodesToScore, 100);
        _filters = [.. filters];
        _scorers = [.. scorers.Where(s => s.Weight > 0)];
        _percentageOfNodesToScore = percentageOfNodesToScore;
        _random = random ?? new Random();
        _defaultFilters = _filters is [NodeUnschedulablePlugin, TaintTolerationPlugin, NodeSelectorPlugin, NodeResourcesFitPlugin, VolumeBindingPlugin];
    }

    /// <summary>
    /// The default plugins: NodeUnschedulable, TaintToleration, NodeAffinity (selector), NodeResourcesFit, VolumeBinding
    /// (claims looked up through <paramref name="claims"/>; without it every claim is missing); scores by resources,
    /// taints and spread.
    /// </summary>
    public static SchedulingFramework CreateDefault(SchedulerOptions options, Random? random = null, Func<Model.ObjectKey, Storage.PersistentVolumeClaim?>? claims = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var taints = new TaintTolerationPlugin();
        IFilterPlugin[] filters = [new NodeUnschedulablePlugin(), taints, new NodeSelectorPlugin(), new NodeResourcesFitPlugin(), new VolumeBindingPlugin(claims ?? (_ => null))];
        IScorePlugin[] scorers = [new ResourceAllocationScorePlugin(options.ScoringStrategy), taints, new OwnerSpreadPlugin(options.SpreadWeight)];
        return new SchedulingFramework(filters, scorers, options.PercentageOfNodesToScore, random);
    }

    /// <summary>How many feasible nodes to look for among <paramref name="allNodes"/>, as kube-scheduler's numFeasibleNodesToFind.</summary>
    public static int NumFeasibleNodesToFind(int percentageOfNodesToScore, int allNodes)
    {
        if (allNodes < MinFeasibleNodesToFind || percentageOfNodesToScore >= 100)
        {
            return allNodes;
        }

        var percentage = percentageOfNodesToScore;
        if (percentage == 0)
        {
            percentage = Math.Max(50 - (allNodes / 125), MinFeasibleNodesPercentageToFind);
        }

        var count = (int)((long)allNodes * percentage / 100);
        return Math.Max(count, MinFeasibleNodesToFind);
    }

    /// <summary>Runs the filters in order and returns the first status that is not success.</summary>
    public FilterStatus RunFilters(PodInfo pod, NodeInfo node)
    {
        foreach (var filter in _filters)
        {
            var status = filter.Filter(pod, node);
            if (!status.IsSuccess)
            {
                return status;
            }
        }

        return FilterStatus.Success;
    }

    public ScheduleResult Schedule(PodInfo pod, ReadOnlySpan<NodeInfo> nodes)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var n = nodes.Length;
        if (n == 0)
        {
            return new ScheduleResult(null, FitError.NoNodesAvailable, 0, 0);
        }

        EnsureCapacity(n);
        var toFind = NumFeasibleNodesToFind(_percentageOfNodesToScore, n);
        var feasible = 0;
        var processed = 0;
        var start = _nextStartNodeIndex % n;
        var resourcesOnly = _defaultFilters && !pod.HasNodeSelector && !pod.HasClaims;
        for (; processed < n && feasible < toFind; processed++)
        {
            var index = start + processed;
            var node = nodes[index >= n ? index - n : index];
            var status = resourcesOnly && node.OnlyResourcesFilter ? NodeResourcesFitPlugin.Fit(pod, node) : RunFilters(pod, node);
            if (status.IsSuccess)
            {
                _feasible[feasible++] = node;
            }
            else if (status.Code == StatusCode.Error)
            {
                return new ScheduleResult(null, $"running {status.Plugin} filter plugin on node {node.Name}: {string.Join(", ", status.Reasons)}", processed + 1, feasible, IsError: true);
            }
            else
            {
                _statuses[processed] = status;
            }
        }

        _nextStartNodeIndex = (start + processed) % n;
        if (feasible == 0)
        {
            var statuses = _statuses.AsSpan(0, processed).ToArray();
            Array.Clear(_statuses, 0, processed);
            return new ScheduleResult(
                null,
                FitError.Format(n, statuses),
                processed,
                0,
                RejectedByResources: Array.Exists(statuses, s => s.Code == StatusCode.Unschedulable));
        }

        Array.Clear(_statuses, 0, processed);
        var chosen = feasible == 1 ? _feasible[0] : SelectHost(pod, feasible);
        Array.Clear(_feasible, 0, feasible);
        return new ScheduleResult(chosen, null, processed, feasible);
    }

    private NodeInfo SelectHost(PodInfo pod, int feasible)
    {
        var totals = _totals.AsSpan(0, feasible);
        var scores = _scores.AsSpan(0, feasible);
        totals.Clear();
        var feasibleNodes = _feasible.AsSpan(0, feasible);
        foreach (var scorer in _scorers)
        {
            if (!scorer.PreScore(pod, feasibleNodes))
            {
                continue;
            }

            for (var i = 0; i < feasible; i++)
            {
                scores[i] = scorer.Score(pod, _feasible[i]);
            }

            scorer.Normalize(scores);
            for (var i = 0; i < feasible; i++)
            {
                totals[i] += scores[i] * scorer.Weight;
            }
        }

        // The highest total wins; ties are broken uniformly at random, as kube-scheduler does (it samples a reservoir;
        // counting the ties and drawing once gives the same distribution with one random number instead of one per tie).
        var max = totals[0];
        var ties = 1;
        for (var i = 1; i < feasible; i++)
        {
            if (totals[i] > max)
            {
                max = totals[i];
                ties = 1;
            }
            else if (totals[i] == max)
            {
                ties++;
            }
        }

        var best = 0;
        if (ties > 1)
        {
            var skip = _random.Next(ties);
            for (var i = 0; ; i++)
            {
                if (totals[i] == max && skip-- == 0)
                {
                    best = i;
                    break;
                }
            }
        }
        else
        {
            best = totals.IndexOf(max);
        }

        return _feasible[best];
    }

    private void EnsureCapacity(int n)
    {
        if (_feasible.Length < n)
        {
            var size = Math.Max(n, _feasible.Length * 2);
            _feasible = new NodeInfo[size];
            _statuses = new FilterStatus[size];
            _scores = new long[size];
            _totals = new long[size];
        }
    }
}

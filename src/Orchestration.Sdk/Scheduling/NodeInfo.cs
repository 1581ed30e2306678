using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Scheduling;

/// <summary>
/// What the scheduler knows of one node, kept up to date incrementally: allocatable and requested resources as
/// integers, pod count, per-controller pod counts, and the node's labels and taints in the shape the filters need.
/// A NodeInfo can exist without a node object when pods are bound to a node the scheduler has not seen (yet).
/// </summary>
internal sealed class NodeInfo
{
    /// <summary>The taint Kubernetes puts on a cordoned node; a pod tolerating it may still be scheduled there.</summary>
    public static readonly Taint UnschedulableTaint = new("node.kubernetes.io/unschedulable", string.Empty, TaintEffect.NoSchedule);

    private static readonly Taint[] NoTaints = [];
    private static readonly FilterStatus[] NoStatuses = [];

    private Dictionary<int, int>? _ownerCounts;

    // The last resource score computed here and what it was computed from (see TryGetResourceScore). Between two
    // attempts only the node that got the last pod changes, so for a run of pods with the same requests every other
    // node's score is a lookup instead of three 64-bit divisions.
    private long _scoredPodMilliCpu = -1;
    private long _scoredPodMemory = -1;
    private ScoringStrategy _scoredStrategy;
    private long _resourceScore;

    public NodeInfo(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
    }

    public string Name { get; }

    /// <summary>The node object, or null when only bound pods refer to this node.</summary>
    public Node? Node { get; private set; }

    /// <summary>The node's position in the scheduler's node list, or -1; maintained by <see cref="SchedulerCache"/>.</summary>
    public int ListIndex { get; set; } = -1;

    public long AllocatableMilliCpu { get; private set; }

    public long AllocatableMemory { get; private set; }

    public int AllowedPodNumber { get; private set; }

    /// <summary>The summed requests of the pods bound (or being bound) to the node, terminating ones included.</summary>
    public long RequestedMilliCpu { get; private set; }

    public long RequestedMemory { get; private set; }

    /// <summary>Like <see cref="RequestedMilliCpu"/> with Kubernetes' non-zero defaults, for scoring.</summary>
    public long NonZeroRequestedMilliCpu { get; private set; }

    public long NonZeroRequestedMemory { get; private set; }

    public int PodCount { get; private set; }

    public IReadOnlyDictionary<string, string> Labels { get; private set; } = ObjectMeta.EmptyMap;

    /// <summary>Whether the node is cordoned.</summary>
    public bool Unschedulable { get; private set; }

    // The taint lists are arrays, not interfaces, because the filters read them for every node of every attempt.

    /// <summary>
    /// The NoSchedule and NoExecute taints, in the node's order, followed by the not-ready or unreachable taint
    /// Kubernetes' node lifecycle controller would add when the Ready condition is not True.
    /// </summary>
    public Taint[] FilterTaints { get; private set; } = NoTaints;

    /// <summary>The TaintToleration filter's status for each of <see cref="FilterTaints"/>, built once per node change.</summary>
    public FilterStatus[] FilterTaintStatuses { get; private set; } = NoStatuses;

    /// <summary>
    /// Whether only the resources can reject a pod without a node selector here: the node is schedulable and has no
    /// NoSchedule or NoExecute taint (so NodeUnschedulable and TaintToleration pass whatever the pod tolerates).
    /// </summary>
    public bool OnlyResourcesFilter { get; private set; }

    /// <summary>The PreferNoSchedule taints.</summary>
    public Taint[] PreferNoScheduleTaints { get; private set; } = NoTaints;

    // The two flags above are fields rather than computed from the arrays: every attempt reads them for hundreds of
    // nodes, and a field in the node's own cache line saves a load from each array.

    /// <summary>Whether the node has any PreferNoSchedule taint.</summary>
    public bool HasPreferNoScheduleTaints { get; private set; }

    public static NodeInfo From(Node node, params IEnumerable<PodInfo> pods)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(pods);
        var info = new NodeInfo(node.Metadata.Name);
        info.SetNode(node);
        foreach (var pod in pods)
        {
            info.AddPod(pod);
        }

        return info;
    }

    /// <summary>Takes a new version of the node (null when it was deleted).</summary>
    /// <returns>Whether anything the filters or scores look at changed, so pending pods may now fit.</returns>
    public bool SetNode(Node? node)
    {
        Node = node;
        if (node is null)
        {
            return false;
        }

        var allocatable = node.Status.Allocatable;
        var cpu = allocatable.Cpu.MilliValue;
        var memory = allocatable.Memory.IntegerValue;
        var taints = EffectiveTaints(node);
        var preferred = node.Spec.Taints.Where(t => t.Effect == TaintEffect.PreferNoSchedule).ToArray();
        var changed = cpu != AllocatableMilliCpu || memory != AllocatableMemory || allocatable.Pods != AllowedPodNumber ||
            node.Spec.Unschedulable != Unschedulable || !Labels.Equals(node.Metadata.Labels) ||
            !taints.SequenceEqual(FilterTaints) || !preferred.SequenceEqual(PreferNoScheduleTaints);

        if (cpu != AllocatableMilliCpu || memory != AllocatableMemory)
        {
            _scoredPodMilliCpu = -1;
        }

        AllocatableMilliCpu = cpu;
        AllocatableMemory = memory;
        AllowedPodNumber = allocatable.Pods;
        Unschedulable = node.Spec.Unschedulable;
        Labels = node.Metadata.Labels;
        if (changed)
        {
            FilterTaints = taints;
            FilterTaintStatuses = Array.ConvertAll(taints, TaintTolerationPlugin.UntoleratedStatus);
            PreferNoScheduleTaints = preferred.Length == 0 ? NoTaints : preferred;
            HasPreferNoScheduleTaints = preferred.Length > 0;
        }

        OnlyResourcesFilter = !Unschedulable && FilterTaints.Length == 0;

        return changed;
    }

    public void AddPod(PodInfo pod) => Account(pod, 1);

    public void RemovePod(PodInfo pod) => Account(pod, -1);

    /// <summary>How many pods of the controller <paramref name="ownerId"/> are on the node.</summary>
    public int CountOwnedBy(int ownerId) =>
        ownerId != PodInfo.NoOwner && _ownerCounts is not null && _ownerCounts.TryGetValue(ownerId, out var n) ? n : 0;

    /// <summary>
    /// The resource score last stored by <see cref="StoreResourceScore"/> for a pod with these non-zero requests under
    /// this strategy, if nothing it depends on (the node's requests and allocatable) changed since.
    /// </summary>
    public bool TryGetResourceScore(long podMilliCpu, long podMemory, ScoringStrategy strategy, out long score)
    {
        score = _resourceScore;
        return _scoredPodMilliCpu == podMilliCpu && _scoredPodMemory == podMemory && _scoredStrategy == strategy;
    }

    /// <summary>Remembers a resource score for <see cref="TryGetResourceScore"/>; pod requests are not negative.</summary>
    public void StoreResourceScore(long podMilliCpu, long podMemory, ScoringStrategy strategy, long score)
    {
        _scoredPodMilliCpu = podMilliCpu;
        _scoredPodMemory = podMemory;
        _scoredStrategy = strategy;
        _resourceScore = score;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}: cpu {RequestedMilliCpu}m/{AllocatableMilliCpu}m, memory {RequestedMemory}/{AllocatableMemory}, pods {PodCount}/{AllowedPodNumber}";

    private void Account(PodInfo pod, int sign)
    {
        ArgumentNullException.ThrowIfNull(pod);
        _scoredPodMilliCpu = -1;
        RequestedMilliCpu += sign * pod.MilliCpu;
        RequestedMemory += sign * pod.Memory;
        NonZeroRequestedMilliCpu += sign * pod.NonZeroMilliCpu;
        NonZeroRequestedMemory += sign * pod.NonZeroMemory;
        PodCount += sign;
        if (pod.OwnerId == PodInfo.NoOwner)
        {
            return;
        }

        _ownerCounts ??= [];
        var count = _ownerCounts.GetValueOrDefault(pod.OwnerId) + sign;
        if (count <= 0)
        {
            _ownerCounts.Remove(pod.OwnerId);
        }
        else
        {
            _ownerCounts[pod.OwnerId] = count;
        }
    }

    private static Taint[] EffectiveTaints(Node node)
    {
        var result = new List<Taint>(node.Spec.Taints.Count + 1);
        foreach (var taint in node.Spec.Taints)
        {
            if (taint.Effect is TaintEffect.NoSchedule or TaintEffect.NoExecute)
            {
                result.Add(taint);
            }
        }

        // Kubernetes taints a node whose Ready condition is False (or missing, at registration) with not-ready, and one
        // whose condition is Unknown (stopped reporting) with unreachable; the scheduler then filters by taint.
        var ready = node.Status.Conditions.Find(NodeConditionType.Ready);
        var key = ready switch
        {
            null => Taint.NotReadyKey,
            { Status: ConditionStatus.True } => null,
            { Status: ConditionStatus.False } => Taint.NotReadyKey,
            _ => Taint.UnreachableKey,
        };
        if (key is not null && !result.Exists(t => t.Key == key && t.Effect == TaintEffect.NoSchedule))
        {
            result.Add(new Taint(key, string.Empty, TaintEffect.NoSchedule));
        }

        return result.Count == 0 ? NoTaints : [.. result];
    }
}

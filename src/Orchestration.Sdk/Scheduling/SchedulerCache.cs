using System.Runtime.InteropServices;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Scheduling;

/// <summary>
/// The scheduler's in-memory picture of the cluster, as kube-scheduler's cache: nodes with their requested totals,
/// pod counts and per-controller counts, and every pod by uid. It is updated incrementally from watch events and from
/// the scheduler's own binds (a pod being bound is "assumed" on its node at once, before the store confirms it), so
/// scheduling a pod never rescans the store. Stale events (at or below the version already applied) are ignored.
/// Not thread-safe: owned by the scheduling loop.
/// </summary>
internal sealed class SchedulerCache
{
    private readonly Dictionary<string, NodeInfo> _nodeInfos = new(StringComparer.Ordinal);
    private readonly List<NodeInfo> _nodes = [];
    private readonly Dictionary<string, PodRecord> _pods = new(StringComparer.Ordinal);
    private readonly OwnerTable _owners = new();

    /// <summary>The nodes that exist (have a node object), in no particular order.</summary>
    public ReadOnlySpan<NodeInfo> Nodes => CollectionsMarshal.AsSpan(_nodes);

    public int PodCount => _pods.Count;

    public int OwnerCount => _owners.Count;

    public NodeInfo? GetNode(string name) => _nodeInfos.GetValueOrDefault(name);

    public PodRecord? GetPod(string uid) => _pods.GetValueOrDefault(uid);

    /// <summary>Applies a created or changed pod.</summary>
    /// <param name="pod">The pod.</param>
    /// <param name="freed">Set when the pod stopped counting on a node, so pods rejected for resources may fit there now.</param>
    /// <returns>The pod's record, or null when the event is older than what was already applied.</returns>
    public PodRecord? UpsertPod(Pod pod, out bool freed)
    {
        ArgumentNullException.ThrowIfNull(pod);
        freed = false;
        var uid = pod.Metadata.Uid;
        if (_pods.TryGetValue(uid, out var record))
        {
            if (pod.Metadata.ResourceVersion <= record.ResourceVersion)
            {
                return null;
            }
        }
        else
        {
            record = new PodRecord(uid);
            _pods[uid] = record;
        }

        var old = record.Info;
        var info = Describe(pod, old);
        record.Info = info;
        record.ResourceVersion = pod.Metadata.ResourceVersion;

        var target = pod.Spec.NodeName is { } nodeName ? NodeFor(nodeName) : null;
        if (target is not null && ReferenceEquals(record.Node, target) && SameAccounting(record.Counted!, info))
        {
            record.Counted = info;
        }
        else
        {
            var from = record.Node;
            from?.RemovePod(record.Counted!);
            target?.AddPod(info);
            record.Node = target;
            record.Counted = target is null ? null : info;
            if (from is not null && !ReferenceEquals(from, target))
            {
                freed = true;
                DropIfGhost(from);
            }
        }

        if (old is not null && old.OwnerId != info.OwnerId)
        {
            _owners.Release(old.OwnerId);
        }

        return record;
    }

    /// <summary>Applies a deleted pod.</summary>
    /// <returns>The removed record, or null when the pod was unknown.</returns>
    public PodRecord? RemovePod(Pod pod, out bool freed)
    {
        ArgumentNullException.ThrowIfNull(pod);
        freed = false;
        if (!_pods.Remove(pod.Metadata.Uid, out var record))
        {
            return null;
        }

        freed = Forget(record);
        record.Removed = true;
        _owners.Release(record.Info.OwnerId);
        return record;
    }

    /// <summary>Counts a pod on the node it is being bound to, before the store confirms the bind.</summary>
    public void Assume(PodRecord record, NodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(node);
        Forget(record);
        node.AddPod(record.Info);
        record.Node = node;
        record.Counted = record.Info;
    }

    /// <summary>Stops counting a pod on its node (a bind that did not happen). Returns whether it was counted.</summary>
    public bool Forget(PodRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Node is not { } node)
        {
            return false;
        }

        node.RemovePod(record.Counted!);
        record.Node = null;
        record.Counted = null;
        DropIfGhost(node);
        return true;
    }

    /// <summary>Applies a created or changed node.</summary>
    /// <returns>Whether the node is new or changed in a way that may let pending pods fit.</returns>
    public bool UpsertNode(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var info = NodeFor(node.Metadata.Name);
        if (info.Node is { } current && node.Metadata.ResourceVersion <= current.Metadata.ResourceVersion)
        {
            return false;
        }

        var changed = info.SetNode(node);
        if (info.ListIndex < 0)
        {
            info.ListIndex = _nodes.Count;
            _nodes.Add(info);
            return true;
        }

        return changed;
    }

    /// <summary>Applies a deleted node. Pods still bound to it keep counting on it until they go.</summary>
    public void RemoveNode(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!_nodeInfos.TryGetValue(name, out var info) || info.Node is null)
        {
            return;
        }

        info.SetNode(null);
        var last = _nodes[^1];
        _nodes[info.ListIndex] = last;
        last.ListIndex = info.ListIndex;
        _nodes.RemoveAt(_nodes.Count - 1);
        info.ListIndex = -1;
        DropIfGhost(info);
    }

    /// <summary>Replaces the nodes with a fresh list.</summary>
    /// <returns>Whether a node is new or changed in a way that may let pending pods fit.</returns>
    public bool ReplaceNodes(IReadOnlyList<Node> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var present = new HashSet<string>(nodes.Select(n => n.Metadata.Name), StringComparer.Ordinal);
        foreach (var gone in _nodes.Where(n => !present.Contains(n.Name)).Select(n => n.Name).ToList())
        {
            RemoveNode(gone);
        }

        var changed = false;
        foreach (var node in nodes)
        {
            changed |= UpsertNode(node);
        }

        return changed;
    }

    private PodInfo Describe(Pod pod, PodInfo? old)
    {
        // The requests are the containers' and the owner the references': a bind (a new spec with only nodeName set)
        // keeps both lists, so its info is not summed again.
        if (old is not null && ReferenceEquals(old.Pod.Spec.Containers, pod.Spec.Containers) &&
            ReferenceEquals(old.Pod.Metadata.OwnerReferences, pod.Metadata.OwnerReferences))
        {
            return old.WithPod(pod);
        }

        var ownerUid = PodInfo.ControllerUid(pod);
        var ownerId = old is not null && _owners.UidOf(old.OwnerId) == ownerUid ? old.OwnerId : _owners.Acquire(ownerUid);
        return PodInfo.Create(pod, ownerId);
    }

    private static bool SameAccounting(PodInfo a, PodInfo b) =>
        a.MilliCpu == b.MilliCpu && a.Memory == b.Memory && a.NonZeroMilliCpu == b.NonZeroMilliCpu &&
        a.NonZeroMemory == b.NonZeroMemory && a.OwnerId == b.OwnerId;

    private NodeInfo NodeFor(string name)
    {
        if (!_nodeInfos.TryGetValue(name, out var info))
        {
            info = new NodeInfo(name);
            _nodeInfos[name] = info;
        }

        return info;
    }

    // A node that was deleted (or never seen) is kept only while pods are still counted on it.
    private void DropIfGhost(NodeInfo info)
    {
        if (info.Node is null && info.PodCount == 0 && info.ListIndex < 0)
        {
            _nodeInfos.Remove(info.Name);
        }
    }
}

using Orchestration.Sdk.Model;
using Orchestration.Sdk.Scheduling;
using static Orchestration.Sdk.Tests.Scheduling.SchedulingObjects;

namespace Orchestration.Sdk.Tests.Scheduling;

public sealed class SchedulerCacheTests
{
    [Fact]
    public void UpsertPod_BoundThenTerminatingThenDeleted_CountsUntilDeleted()
    {
        var cache = new SchedulerCache();
        cache.UpsertNode(Versioned(Node("n1"), 1));
        var bound = Versioned(Pod("p", "1", "1Gi", nodeName: "n1"), 2);

        cache.UpsertPod(bound, out _);
        var terminating = Versioned(bound with { Metadata = bound.Metadata with { DeletionTimestamp = DateTimeOffset.UnixEpoch } }, 3);
        var record = cache.UpsertPod(terminating, out var freedByTerminating);
        var node = cache.GetNode("n1")!;
        Assert.False(freedByTerminating);
        Assert.Equal((1000, 1L << 30, 1), (node.RequestedMilliCpu, node.RequestedMemory, node.PodCount));
        Assert.False(record!.IsPending);

        cache.RemovePod(Versioned(terminating, 4), out var freedByDelete);

        Assert.True(freedByDelete);
        Assert.Equal((0, 0L, 0), (node.RequestedMilliCpu, node.RequestedMemory, node.PodCount));
        Assert.Null(cache.GetPod("uid-p"));
    }

    [Fact]
    public void UpsertPod_StaleEvent_IsIgnored()
    {
        var cache = new SchedulerCache();
        cache.UpsertNode(Versioned(Node("n1"), 1));
        cache.UpsertPod(Versioned(Pod("p", "1", nodeName: "n1"), 5), out _);

        var stale = cache.UpsertPod(Versioned(Pod("p", "1"), 4), out _);

        Assert.Null(stale);
        Assert.Equal(1, cache.GetNode("n1")!.PodCount);
        Assert.False(cache.GetPod("uid-p")!.IsPending);
    }

    [Fact]
    public void UpsertPod_BoundToUnknownNode_CountsOnceTheNodeAppears()
    {
        var cache = new SchedulerCache();
        cache.UpsertPod(Versioned(Pod("p", "3", nodeName: "late"), 1), out _);
        Assert.Equal(0, cache.Nodes.Length);

        var added = cache.UpsertNode(Versioned(Node("late"), 2));

        Assert.True(added);
        Assert.Equal(3000, cache.Nodes[0].RequestedMilliCpu);
    }

    [Fact]
    public void AssumeThenForget_RestoresTheNode()
    {
        var cache = new SchedulerCache();
        cache.UpsertNode(Versioned(Node("n1"), 1));
        var record = cache.UpsertPod(Versioned(Pod("p", "1", owner: "web"), 2), out _)!;
        var node = cache.GetNode("n1")!;

        cache.Assume(record, node);
        Assert.Equal((1000L, 1, 1), (node.RequestedMilliCpu, node.PodCount, node.CountOwnedBy(record.Info.OwnerId)));
        Assert.False(record.IsPending);

        cache.Forget(record);

        Assert.Equal((0L, 0, 0), (node.RequestedMilliCpu, node.PodCount, node.CountOwnedBy(record.Info.OwnerId)));
        Assert.True(record.IsPending);
    }

    [Fact]
    public void UpsertNode_HeartbeatOnly_IsNotAChangeThatHelps()
    {
        var cache = new SchedulerCache();
        var node = Versioned(Node("n1"), 1);
        cache.UpsertNode(node);

        var heartbeat = cache.UpsertNode(Versioned(node with { Status = node.Status with { LastHeartbeatTime = DateTimeOffset.UnixEpoch.AddHours(1) } }, 2));
        var relabelled = cache.UpsertNode(Versioned(node with { Metadata = node.Metadata with { Labels = Labels("zone=a") } }, 3));

        Assert.False(heartbeat);
        Assert.True(relabelled);
    }

    [Fact]
    public void RemoveNode_KeepsTheOtherNodesListed()
    {
        var cache = new SchedulerCache();
        cache.ReplaceNodes([Versioned(Node("a"), 1), Versioned(Node("b"), 2), Versioned(Node("c"), 3)]);

        cache.RemoveNode("a");

        Assert.Equal(["b", "c"], cache.Nodes.ToArray().Select(n => n.Name).Order());
        Assert.Null(cache.GetNode("a"));
    }

    [Fact]
    public void RemovePod_LastPodOfAnOwner_RecyclesTheOwnerId()
    {
        var cache = new SchedulerCache();
        var a = Versioned(Pod("a", owner: "web"), 1);
        cache.UpsertPod(a, out _);
        cache.UpsertPod(Versioned(Pod("b", owner: "web"), 2), out _);
        Assert.Equal(1, cache.OwnerCount);

        cache.RemovePod(a, out _);
        Assert.Equal(1, cache.OwnerCount);
        cache.RemovePod(Versioned(Pod("b", owner: "web"), 3), out _);

        Assert.Equal(0, cache.OwnerCount);
    }

    private static T Versioned<T>(T resource, long version)
        where T : Resource => (T)resource.WithMetadata(resource.Metadata with { ResourceVersion = version });
}

using Orchestration.Sdk.Scheduling;
using static Orchestration.Sdk.Tests.Scheduling.SchedulingObjects;

namespace Orchestration.Sdk.Tests.Scheduling;

public sealed class SchedulingQueueTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TryPop_AddedTwice_ReturnsEachPodOnceInOrder()
    {
        var queue = new SchedulingQueue();
        var (a, b, c) = (Record("a"), Record("b"), Record("c"));
        queue.Add(a);
        queue.Add(b);
        queue.Add(a);
        queue.Add(c);

        Assert.Equal(["a", "b", "c"], Drain(queue));
    }

    [Fact]
    public void TryPop_RemovedPod_IsSkipped()
    {
        var queue = new SchedulingQueue();
        var (a, b) = (Record("a"), Record("b"));
        queue.Add(a);
        queue.Add(b);

        queue.Remove(a);

        Assert.Equal(["b"], Drain(queue));
    }

    [Fact]
    public void MoveToActive_ResourcesOnly_MovesOnlyPodsRejectedForResources()
    {
        var queue = new SchedulingQueue();
        var (cpu, taint) = (Record("cpu"), Record("taint"));
        queue.MarkUnschedulable(cpu, T0, rejectedByResources: true);
        queue.MarkUnschedulable(taint, T0, rejectedByResources: false);

        Assert.Equal(1, queue.MoveToActive(resourcesOnly: true));
        Assert.Equal(["cpu"], Drain(queue));
        Assert.Equal(1, queue.MoveToActive(resourcesOnly: false));
        Assert.Equal(["taint"], Drain(queue));
    }

    [Fact]
    public void Add_ParkedPod_StaysParkedUntilActivated()
    {
        var queue = new SchedulingQueue();
        var a = Record("a");
        queue.MarkUnschedulable(a, T0, rejectedByResources: false);

        queue.Add(a);
        Assert.Empty(Drain(queue));

        queue.Activate(a);
        Assert.Equal(["a"], Drain(queue));
        Assert.Equal(0, queue.UnschedulableCount);
    }

    [Fact]
    public void Flush_PodsParkedLongEnough_AreRetriedInTheirOrder()
    {
        var queue = new SchedulingQueue();
        var (old1, old2, recent) = (Record("old1"), Record("old2"), Record("recent"));
        queue.MarkUnschedulable(old1, T0, false);
        queue.MarkUnschedulable(old2, T0.AddMinutes(1), false);
        queue.MarkUnschedulable(recent, T0.AddMinutes(4), false);

        var moved = queue.Flush(T0.AddMinutes(6), TimeSpan.FromMinutes(5));

        Assert.Equal(2, moved);
        Assert.Equal(["old1", "old2"], Drain(queue));
        Assert.Equal(1, queue.UnschedulableCount);
    }

    private static PodRecord Record(string name)
    {
        var info = Info(Pod(name));
        return new PodRecord(info.Uid) { Info = info };
    }

    private static List<string> Drain(SchedulingQueue queue)
    {
        var names = new List<string>();
        while (queue.TryPop(out var record))
        {
            names.Add(record.Info.Pod.Metadata.Name);
        }

        return names;
    }
}

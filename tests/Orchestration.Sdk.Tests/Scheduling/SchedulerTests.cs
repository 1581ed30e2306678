using Orchestration.Sdk.Model;
using Orchestration.Sdk.Scheduling;
using Orchestration.Sdk.Store;
using static Orchestration.Sdk.Tests.Scheduling.SchedulingObjects;

namespace Orchestration.Sdk.Tests.Scheduling;

public sealed class SchedulerTests
{
    [Fact]
    public async Task RunAsync_PendingPods_BindsEachAndSetsPodScheduled()
    {
        await using var harness = new SchedulerHarness(nodes: [Node("n1"), Node("n2")]);
        for (var i = 0; i < 4; i++)
        {
            harness.Store.Create(Pod($"p{i}", "1", "1Gi"));
        }

        var pods = new List<Pod>();
        for (var i = 0; i < 4; i++)
        {
            pods.Add(await harness.WaitForBoundAsync($"p{i}"));
        }

        Assert.All(pods, p => Assert.Contains(p.Spec.NodeName, new[] { "n1", "n2" }));
        Assert.Equal(2, pods.Count(p => p.Spec.NodeName == "n1"));
        Assert.All(pods, p => Assert.Equal(harness.Time.GetUtcNow(), p.Status.Conditions.Find(PodConditionType.PodScheduled)!.LastTransitionTime));
    }

    [Fact]
    public async Task RunAsync_NoNodeFits_LeavesPodPendingWithKubernetesMessage()
    {
        await using var harness = new SchedulerHarness(nodes:
        [
            Node("small", memory: "1Gi"),
            Node("gpu", memory: "64Gi", taints: [TaintOf("dedicated", "gpu")]),
            Node("down", memory: "64Gi", ready: ConditionStatus.Unknown),
        ]);
        harness.Store.Create(Pod("big", "1", "2Gi"));

        var pod = await harness.WaitForUnschedulableAsync("big");
        Assert.Null(pod.Spec.NodeName);
        Assert.Equal(PodPhase.Pending, pod.Status.Phase);
        Assert.Equal(
            "0/3 nodes are available: 1 Insufficient memory, 1 node(s) had untolerated taint {dedicated: gpu}, 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }.",
            pod.Status.Conditions.Find(PodConditionType.PodScheduled)!.Message);
    }

    [Fact]
    public async Task RunAsync_NodeAdded_SchedulesThePendingPod()
    {
        await using var harness = new SchedulerHarness();
        harness.Store.Create(Node("small", memory: "1Gi"));
        harness.Store.Create(Pod("big", "1", "2Gi"));
        await harness.WaitForUnschedulableAsync("big", "0/1 nodes are available: 1 Insufficient memory.");

        harness.Store.Create(Node("large", memory: "16Gi"));

        var pod = await harness.WaitForBoundAsync("big");
        Assert.Equal("large", pod.Spec.NodeName);
    }

    [Fact]
    public async Task RunAsync_NodeBecomesReady_SchedulesThePendingPod()
    {
        await using var harness = new SchedulerHarness();
        var node = harness.Store.Create(Node("n1", ready: ConditionStatus.False));
        harness.Store.Create(Pod("p", "1", "1Gi"));
        await harness.WaitForUnschedulableAsync("p", "0/1 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }.");

        harness.Store.UpdateStatus(node with { Status = node.Status with { Conditions = [new Condition(NodeConditionType.Ready, ConditionStatus.True)] } });

        Assert.Equal("n1", (await harness.WaitForBoundAsync("p")).Spec.NodeName);
    }

    [Fact]
    public async Task RunAsync_BoundPodDeleted_SchedulesThePendingPodOnlyOnceItIsGone()
    {
        await using var harness = new SchedulerHarness();
        harness.Store.Create(Node("n1", "2", "4Gi"));
        harness.Store.Create(Pod("first", "2", "1Gi"));
        var first = await harness.WaitForBoundAsync("first");
        harness.Store.Create(Pod("second", "1", "1Gi"));
        await harness.WaitForUnschedulableAsync("second", "0/1 nodes are available: 1 Insufficient cpu.");

        // A terminating pod still holds its resources until it is deleted.
        harness.Store.DeletePod(first, harness.Time.GetUtcNow());
        harness.Store.Create(Pod("probe"));
        await harness.WaitForBoundAsync("probe");
        Assert.Null(harness.Get("second").Spec.NodeName);

        harness.Store.Delete(first.Key);

        Assert.Equal("n1", (await harness.WaitForBoundAsync("second")).Spec.NodeName);
    }

    [Theory]
    [InlineData(PodPhase.Succeeded)]
    [InlineData(PodPhase.Failed)]
    public async Task RunAsync_BoundPodFinished_ItsResourcesGoToThePendingPod(PodPhase phase)
    {
        await using var harness = new SchedulerHarness();
        harness.Store.Create(Node("n1", "1", "4Gi"));
        harness.Store.Create(Pod("job", "1"));
        var job = await harness.WaitForBoundAsync("job");
        harness.Store.Create(Pod("next", "1"));
        await harness.WaitForUnschedulableAsync("next", "0/1 nodes are available: 1 Insufficient cpu.");

        harness.Store.UpdateStatus(job with { Status = job.Status with { Phase = phase } });

        Assert.Equal("n1", (await harness.WaitForBoundAsync("next")).Spec.NodeName);
    }

    [Fact]
    public async Task RunAsync_ReplicasOfOneOwner_SpreadOverNodesEvenWhenBinPacking()
    {
        await using var harness = new SchedulerHarness(
            new SchedulerOptions { ScoringStrategy = ScoringStrategy.MostAllocated },
            nodes: Enumerable.Range(0, 3).Select(i => Node($"n{i}")));
        for (var i = 0; i < 6; i++)
        {
            harness.Store.Create(Pod($"web-{i}", "100m", "128Mi", owner: "web"));
        }

        for (var i = 0; i < 3; i++)
        {
            harness.Store.Create(Pod($"batch-{i}", "100m", "128Mi"));
        }

        var web = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            web.Add((await harness.WaitForBoundAsync($"web-{i}")).Spec.NodeName!);
        }

        var batch = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            batch.Add((await harness.WaitForBoundAsync($"batch-{i}")).Spec.NodeName!);
        }

        Assert.All(web.GroupBy(n => n), g => Assert.Equal(2, g.Count()));
        Assert.Single(batch.Distinct());
    }

    [Fact]
    public async Task RunAsync_RetryWithTheSameOutcome_DoesNotRewriteTheStatus()
    {
        await using var harness = new SchedulerHarness();
        var node = harness.Store.Create(Node("n1", memory: "1Gi"));
        harness.Store.Create(Pod("big", memory: "2Gi"));
        var pending = await harness.WaitForUnschedulableAsync("big", "0/1 nodes are available: 1 Insufficient memory.");

        // A label change is a node update that retries every unschedulable pod; the probe is queued after it.
        harness.Store.Update(node with { Metadata = node.Metadata with { Labels = Labels("zone=a") } });
        harness.Store.Create(Pod("probe"));
        await harness.WaitForBoundAsync("probe");

        Assert.Equal(pending.Metadata.ResourceVersion, harness.Get("big").Metadata.ResourceVersion);
    }

    [Fact]
    public async Task RunAsync_UnschedulableRetryInterval_RetriesWithoutAnyClusterChange()
    {
        await using var harness = new SchedulerHarness(new SchedulerOptions { UnschedulableRetryInterval = TimeSpan.FromMinutes(1) });
        harness.Store.Create(Node("n1", memory: "1Gi"));
        var pod = harness.Store.Create(Pod("big", memory: "2Gi"));
        await harness.WaitForUnschedulableAsync("big", "0/1 nodes are available: 1 Insufficient memory.");

        // Drop the condition behind the scheduler's back (a status write is not a change that retries the pod).
        harness.Store.UpdateStatus(harness.Get("big") with { Status = new PodStatus() });
        harness.Store.Create(Pod("probe"));
        await harness.WaitForBoundAsync("probe");
        Assert.Empty(harness.Get("big").Status.Conditions);

        harness.Time.Advance(TimeSpan.FromMinutes(1));

        await harness.WaitForUnschedulableAsync("big", "0/1 nodes are available: 1 Insufficient memory.");
        Assert.Equal(pod.Metadata.Uid, harness.Get("big").Metadata.Uid);
    }

    [Fact]
    public async Task RunAsync_WatchFallsBehind_RelistsAndStillBindsEveryPod()
    {
        await using var harness = new SchedulerHarness(storeOptions: new StoreOptions { WatcherBufferCapacity = 2 }, nodes: [Node("n1"), Node("n2")]);
        for (var i = 0; i < 20; i++)
        {
            harness.Store.Create(Pod($"p{i}", "100m", "64Mi"));
        }

        for (var i = 0; i < 20; i++)
        {
            await harness.WaitForBoundAsync($"p{i}");
        }

        var perNode = harness.AllPods().GroupBy(p => p.Spec.NodeName).ToDictionary(g => g.Key!, g => g.Count());
        Assert.Equal(20, perNode.Values.Sum());
        Assert.Equal(2, perNode.Count);
    }
}

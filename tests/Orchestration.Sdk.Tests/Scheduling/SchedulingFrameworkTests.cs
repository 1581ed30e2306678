using Orchestration.Sdk.Model;
using Orchestration.Sdk.Scheduling;
using static Orchestration.Sdk.Tests.Scheduling.SchedulingObjects;

namespace Orchestration.Sdk.Tests.Scheduling;

public sealed class SchedulingFrameworkTests
{
    [Theory]
    [InlineData(0, 5, 5)]
    [InlineData(0, 99, 99)]
    [InlineData(0, 100, 100)]
    [InlineData(0, 1000, 420)] // 50% - 1000/125 = 42%
    [InlineData(0, 5000, 500)] // 50% - 40 = 10%
    [InlineData(0, 6000, 300)] // 50% - 48 = 2%, raised to the 5% minimum
    [InlineData(0, 1000000, 50000)]
    [InlineData(10, 200, 100)] // 20 is raised to the 100-node minimum
    [InlineData(30, 5000, 1500)]
    [InlineData(100, 5000, 5000)]
    public void NumFeasibleNodesToFind_PercentageAndClusterSize_MatchesKubeScheduler(int percentage, int nodes, int expected)
    {
        Assert.Equal(expected, SchedulingFramework.NumFeasibleNodesToFind(percentage, nodes));
    }

    [Fact]
    public void Schedule_LargeCluster_StopsAfterEnoughFeasibleNodesAndRotatesTheStart()
    {
        var framework = SchedulingFramework.CreateDefault(new SchedulerOptions { PercentageOfNodesToScore = 10 }, new Random(1));
        var nodes = Enumerable.Range(0, 1000).Select(i => NodeInfo.From(Node($"n{i}"))).ToArray();
        var pod = Info(Pod("p", "100m", "100Mi"));

        var chosen = Enumerable.Range(0, 10).Select(_ => framework.Schedule(pod, nodes)).ToList();

        Assert.All(chosen, r => Assert.Equal(100, r.EvaluatedNodes));
        Assert.Equal(10, chosen.Select(r => r.Node!.Name).Distinct().Count());
        Assert.All(chosen.Select((r, i) => (r, i)), x => Assert.InRange(int.Parse(x.r.Node!.Name[1..]), x.i * 100, (x.i * 100) + 99));
    }

    [Fact]
    public void Schedule_MixedFiveNodeCluster_ReportsKubernetesMessage()
    {
        var framework = SchedulingFramework.CreateDefault(new SchedulerOptions());
        NodeInfo[] nodes =
        [
            NodeInfo.From(Node("small-1", memory: "1Gi")),
            NodeInfo.From(Node("small-2", memory: "1Gi")),
            NodeInfo.From(Node("small-3", memory: "2Gi"), Info(Pod("u", "1", "1Gi"))),
            NodeInfo.From(Node("gpu-1", memory: "64Gi", taints: [TaintOf("dedicated", "gpu")])),
            NodeInfo.From(Node("gpu-2", memory: "64Gi", taints: [TaintOf("dedicated", "gpu", TaintEffect.NoExecute)])),
        ];

        var result = framework.Schedule(Info(Pod("p", "500m", "2Gi")), nodes);

        Assert.Null(result.Node);
        Assert.Equal("0/5 nodes are available: 2 node(s) had untolerated taint {dedicated: gpu}, 3 Insufficient memory.", result.Message);
        Assert.True(result.RejectedByResources);
    }

    [Fact]
    public void Schedule_EveryKindOfRejection_CountsEachReasonAndSortsOrdinally()
    {
        var framework = SchedulingFramework.CreateDefault(new SchedulerOptions());
        NodeInfo[] nodes =
        [
            NodeInfo.From(Node("cordoned", unschedulable: true, ready: ConditionStatus.False)),
            NodeInfo.From(Node("not-ready", ready: ConditionStatus.False)),
            NodeInfo.From(Node("other-zone", labels: Labels("zone=b"))),
            NodeInfo.From(Node("full", "1", "1Gi", labels: Labels("zone=a"))),
            NodeInfo.From(Node("crowded", pods: 1, labels: Labels("zone=a")), Info(Pod("u"))),
        ];

        var result = framework.Schedule(Info(Pod("p", "2", "2Gi", nodeSelector: Labels("zone=a"))), nodes);

        Assert.Equal(
            "0/5 nodes are available: 1 Insufficient cpu, 1 Insufficient memory, 1 Too many pods, " +
            "1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }, " +
            "1 node(s) were unschedulable.",
            result.Message);
    }

    [Fact]
    public void Schedule_CountsOfTwoDigits_SortAsStringsAsKubernetesDoes()
    {
        var framework = SchedulingFramework.CreateDefault(new SchedulerOptions());
        var nodes = Enumerable.Range(0, 10).Select(i => NodeInfo.From(Node($"small-{i}", memory: "1Gi")))
            .Concat(Enumerable.Range(0, 2).Select(i => NodeInfo.From(Node($"gpu-{i}", taints: [TaintOf("dedicated", "gpu")]))))
            .ToArray();

        var result = framework.Schedule(Info(Pod("p", memory: "2Gi")), nodes);

        Assert.Equal("0/12 nodes are available: 10 Insufficient memory, 2 node(s) had untolerated taint {dedicated: gpu}.", result.Message);
    }

    [Fact]
    public void Schedule_NoNodes_ReportsNoNodesAvailable()
    {
        var result = SchedulingFramework.CreateDefault(new SchedulerOptions()).Schedule(Info(Pod("p")), []);

        Assert.Null(result.Node);
        Assert.Equal("no nodes available to schedule pods", result.Message);
    }

    [Fact]
    public void Schedule_OnlyTaintRejections_IsNotResolvableByDeletingPods()
    {
        var result = SchedulingFramework.CreateDefault(new SchedulerOptions())
            .Schedule(Info(Pod("p")), [NodeInfo.From(Node("gpu", taints: [TaintOf("dedicated", "gpu")]))]);

        Assert.False(result.RejectedByResources);
    }

    [Fact]
    public void Schedule_FilterReportsError_AbandonsTheAttempt()
    {
        var framework = new SchedulingFramework([new FailingFilter()], []);

        var result = framework.Schedule(Info(Pod("p")), [NodeInfo.From(Node("n1"))]);

        Assert.True(result.IsError);
        Assert.Null(result.Node);
        Assert.Equal("running Failing filter plugin on node n1: boom", result.Message);
    }

    private sealed class FailingFilter : IFilterPlugin
    {
        public string Name => "Failing";

        public FilterStatus Filter(PodInfo pod, NodeInfo node) => new(StatusCode.Error, Name, "boom");
    }
}

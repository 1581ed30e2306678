using Orchestration.Sdk.Model;
using Orchestration.Sdk.Scheduling;
using static Orchestration.Sdk.Tests.Scheduling.SchedulingObjects;

namespace Orchestration.Sdk.Tests.Scheduling;

public sealed class ScoringTests
{
    [Theory]
    [InlineData(ScoringStrategy.LeastAllocated, "0", "0", "1", "2Gi", 75)]
    [InlineData(ScoringStrategy.MostAllocated, "0", "0", "1", "2Gi", 25)]
    [InlineData(ScoringStrategy.LeastAllocated, "1", "2Gi", "1", "2Gi", 50)]
    [InlineData(ScoringStrategy.MostAllocated, "1", "2Gi", "1", "2Gi", 50)]
    [InlineData(ScoringStrategy.LeastAllocated, "3", "0", "1", "0", 47)] // cpu 0, memory (8Gi - 2 x 200Mi default) = 95 -> (0 + 95) / 2
    [InlineData(ScoringStrategy.LeastAllocated, "0", "0", null, null, 97)] // a pod without requests counts as 100m and 200Mi
    [InlineData(ScoringStrategy.MostAllocated, "0", "0", null, null, 2)]
    [InlineData(ScoringStrategy.LeastAllocated, "4", "8Gi", "1", "1Gi", 0)] // over capacity scores 0
    [InlineData(ScoringStrategy.MostAllocated, "4", "8Gi", "1", "1Gi", 100)] // over capacity is capped at full
    public void ResourceScore_Strategy_ScoresAsKubernetes(ScoringStrategy strategy, string usedCpu, string usedMemory, string? podCpu, string? podMemory, long expected)
    {
        PodInfo[] used = usedCpu == "0" && usedMemory == "0" ? [] : [Info(Pod("used", usedCpu, usedMemory))];
        var node = NodeInfo.From(Node("n1", "4", "8Gi"), used);

        var score = new ResourceAllocationScorePlugin(strategy).Score(Info(Pod("p", podCpu, podMemory)), node);

        Assert.Equal(expected, score);
    }

    [Fact]
    public void ResourceScore_NodeChangesBetweenAttempts_IsComputedAgain()
    {
        // The score is remembered per node; a pod bound there, a pod removed or new allocatable must not reuse it.
        var least = new ResourceAllocationScorePlugin(ScoringStrategy.LeastAllocated);
        var most = new ResourceAllocationScorePlugin(ScoringStrategy.MostAllocated);
        var pod = Info(Pod("p", "1", "2Gi"));
        var used = Info(Pod("used", "1", "2Gi"));
        var node = NodeInfo.From(Node("n1", "4", "8Gi"));

        Assert.Equal(75, least.Score(pod, node));
        Assert.Equal(25, most.Score(pod, node)); // same node and pod, other strategy
        Assert.Equal(75, least.Score(pod, node));
        node.AddPod(used);
        Assert.Equal(50, least.Score(pod, node));
        Assert.Equal(62, least.Score(Info(Pod("small", "500m", "1Gi")), node)); // other requests: 2500m and 5Gi left of 4 and 8Gi
        node.RemovePod(used);
        Assert.Equal(75, least.Score(pod, node));
        node.SetNode(Node("n1", "8", "16Gi"));
        Assert.Equal(87, least.Score(pod, node));
    }

    [Fact]
    public void Schedule_EqualScores_SpreadsOverEveryTiedNode()
    {
        // Ties are broken at random with one draw over the tied nodes: each of them must come up.
        var framework = SchedulingFramework.CreateDefault(new SchedulerOptions(), new Random(7));
        NodeInfo[] nodes = [.. Enumerable.Range(0, 4).Select(i => NodeInfo.From(Node($"n{i}", "4", "8Gi")))];
        var busy = NodeInfo.From(Node("busy", "4", "8Gi"), Info(Pod("used", "2", "4Gi")));
        var counts = new Dictionary<string, int>();
        for (var i = 0; i < 400; i++)
        {
            var chosen = framework.Schedule(Info(Pod($"p{i}", "100m", "100Mi")), [busy, .. nodes]).Node!;
            counts[chosen.Name] = counts.GetValueOrDefault(chosen.Name) + 1;
        }

        Assert.DoesNotContain("busy", counts.Keys);
        Assert.All(nodes, n => Assert.InRange(counts.GetValueOrDefault(n.Name), 60, 140));
    }

    [Theory]
    [InlineData(new long[] { 0, 0, 0 }, new long[] { 100, 100, 100 })]
    [InlineData(new long[] { 0, 1, 2 }, new long[] { 100, 50, 0 })]
    [InlineData(new long[] { 1, 1, 4 }, new long[] { 75, 75, 0 })]
    public void SpreadNormalize_OwnerCounts_FewerReplicasScoreHigher(long[] counts, long[] expected)
    {
        new OwnerSpreadPlugin(2).Normalize(counts);

        Assert.Equal(expected, counts);
    }

    [Fact]
    public void SpreadScore_PodsOfTheSameController_CountsOnlyThatController()
    {
        var owners = new OwnerTable();
        var a = owners.Acquire("rs-a");
        var b = owners.Acquire("rs-b");
        var node = NodeInfo.From(Node("n1"), Info(Pod("a1", owner: "a"), a), Info(Pod("a2", owner: "a"), a), Info(Pod("b1", owner: "b"), b), Info(Pod("bare")));
        var spread = new OwnerSpreadPlugin(2);

        Assert.Equal(2, spread.Score(Info(Pod("a3"), a), node));
        Assert.Equal(1, spread.Score(Info(Pod("b2"), b), node));
        Assert.Equal(0, spread.Score(Info(Pod("bare2")), node));
    }

    [Theory]
    [InlineData(ScoringStrategy.LeastAllocated, "empty")]
    [InlineData(ScoringStrategy.MostAllocated, "busy")]
    public void Schedule_Strategy_PicksTheEmptiestOrTheFullestNode(ScoringStrategy strategy, string expected)
    {
        var framework = SchedulingFramework.CreateDefault(new SchedulerOptions { ScoringStrategy = strategy }, new Random(1));
        NodeInfo[] nodes =
        [
            NodeInfo.From(Node("busy"), Info(Pod("u1", "3", "6Gi"))),
            NodeInfo.From(Node("empty")),
            NodeInfo.From(Node("half"), Info(Pod("u2", "2", "4Gi"))),
        ];

        var result = framework.Schedule(Info(Pod("p", "500m", "1Gi")), nodes);

        Assert.Equal(expected, result.Node?.Name);
        Assert.Equal(3, result.FeasibleNodes);
    }

    [Fact]
    public void Schedule_ReplicaOfAController_PrefersNodeWithoutReplicasEvenWhenBinPacking()
    {
        var owners = new OwnerTable();
        var web = owners.Acquire("rs-uid-web");
        var framework = SchedulingFramework.CreateDefault(new SchedulerOptions { ScoringStrategy = ScoringStrategy.MostAllocated }, new Random(1));
        NodeInfo[] nodes =
        [
            NodeInfo.From(Node("packed"), Info(Pod("web-1", "1", "1Gi", owner: "web"), web), Info(Pod("other", "2", "2Gi"))),
            NodeInfo.From(Node("free")),
        ];

        var replica = framework.Schedule(Info(Pod("web-2", "1", "1Gi", owner: "web"), web), nodes);
        var bare = framework.Schedule(Info(Pod("bare", "1", "1Gi")), nodes);

        Assert.Equal("free", replica.Node?.Name);
        Assert.Equal("packed", bare.Node?.Name);
    }

    [Fact]
    public void Schedule_PreferNoScheduleTaint_AvoidsTheNodeWhenAnotherFits()
    {
        var framework = SchedulingFramework.CreateDefault(new SchedulerOptions(), new Random(1));
        NodeInfo[] nodes =
        [
            NodeInfo.From(Node("tainted", taints: [TaintOf("spot", "true", TaintEffect.PreferNoSchedule)])),
            NodeInfo.From(Node("clean"), Info(Pod("u", "1", "2Gi"))),
        ];

        var result = framework.Schedule(Info(Pod("p", "100m", "100Mi")), nodes);

        Assert.Equal("clean", result.Node?.Name);
    }

    [Fact]
    public void PreScore_ScoresThatWouldBeEqualEverywhere_AreSkipped()
    {
        NodeInfo[] plain = [NodeInfo.From(Node("a")), NodeInfo.From(Node("b"))];
        NodeInfo[] withPreferred = [.. plain, NodeInfo.From(Node("c", taints: [TaintOf("spot", "true", TaintEffect.PreferNoSchedule)]))];

        Assert.False(new OwnerSpreadPlugin(2).PreScore(Info(Pod("bare")), plain));
        Assert.True(new OwnerSpreadPlugin(2).PreScore(Info(Pod("owned", owner: "web"), ownerId: 0), plain));
        Assert.False(new TaintTolerationPlugin().PreScore(Info(Pod("p")), plain));
        Assert.True(new TaintTolerationPlugin().PreScore(Info(Pod("p")), withPreferred));
    }
}

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Controllers;
using Orchestration.Sdk.Controllers.NodeLifecycle;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Tests.Fixtures;
using Orchestration.Sdk.Tests.Runtime;

namespace Orchestration.Sdk.Tests.Controllers.NodeLifecycle;

/// <summary>
/// The controller alone over a store and its informers: the test plays the node agent by writing heartbeats. A pass
/// reads the informer caches, so each test pass first waits until they hold what the store holds.
/// </summary>
public sealed class NodeLifecycleControllerTests : IAsyncDisposable
{
    private static readonly ObjectKey N1 = new(Node.KindName, string.Empty, "n1");
    private readonly FakeTimeProvider _time = new(AgentHarness.Start);
    private readonly ResourceStore _store;
    private readonly SharedInformerFactory _informers;
    private readonly NodeLifecycleController _controller;

    public NodeLifecycleControllerTests()
    {
        _store = new ResourceStore(_time);
        _informers = SharedInformerFactory.Started(_store, _time);
        _controller = new NodeLifecycleController(_store, _informers, _time, Options.Create(new NodeLifecycleOptions()), NullLogger<NodeLifecycleController>.Instance);
        _store.Create(new Node
        {
            Metadata = new ObjectMeta { Name = "n1" },
            Status = new NodeStatus
            {
                LastHeartbeatTime = _time.GetUtcNow(),
                Conditions = [new Condition(NodeConditionType.Ready, ConditionStatus.True, "KubeletReady", "kubelet is posting ready status", _time.GetUtcNow())],
            },
        });
    }

    public static TheoryData<string, Toleration[], long?> Tolerations => new()
    {
        { "none: the default 300 s", [], 300 },
        { "own seconds", [new Toleration { Key = Taint.UnreachableKey, Operator = TolerationOperator.Exists, Effect = TaintEffect.NoExecute, TolerationSeconds = 60 }], 60 },
        { "without seconds: forever", [new Toleration { Key = Taint.UnreachableKey, Operator = TolerationOperator.Exists }], null },
        { "tolerates everything", [new Toleration { Operator = TolerationOperator.Exists }], null },
        { "smallest of several", [new Toleration { Key = Taint.UnreachableKey, Operator = TolerationOperator.Exists, TolerationSeconds = 120 }, new Toleration { Operator = TolerationOperator.Exists, TolerationSeconds = 30 }], 30 },
        { "another taint only", [new Toleration { Key = "gpu", Operator = TolerationOperator.Exists, TolerationSeconds = 5 }], 300 },
        { "NoSchedule only", [new Toleration { Key = Taint.UnreachableKey, Operator = TolerationOperator.Exists, Effect = TaintEffect.NoSchedule, TolerationSeconds = 5 }], 300 },
        { "negative means at once", [new Toleration { Key = Taint.UnreachableKey, Operator = TolerationOperator.Exists, TolerationSeconds = -1 }], 0 },
    };

    [Theory]
    [MemberData(nameof(Tolerations))]
    public void UnreachableToleration_IsTheSmallestMatchingOrTheDefault(string because, Toleration[] tolerations, long? expectedSeconds)
    {
        var pod = NewPod("p", tolerations);

        var actual = UnreachableToleration.For(pod, 300);

        Assert.True(expectedSeconds is null ? actual is null : actual == TimeSpan.FromSeconds(expectedSeconds.Value), because);
    }

    [Fact]
    public async Task SilentNode_BecomesUnknownOnlyAfterTheGracePeriod()
    {
        _time.Advance(TimeSpan.FromSeconds(40));
        await MonitorNodesAsync();
        Assert.True(GetNode().Status.IsReady);

        _time.Advance(TimeSpan.FromSeconds(1));
        await MonitorNodesAsync();

        var node = GetNode();
        var ready = node.Status.Conditions.Find(NodeConditionType.Ready)!;
        Assert.Equal((ConditionStatus.Unknown, "NodeStatusUnknown", "Kubelet stopped posting node status.", _time.GetUtcNow()), (ready.Status, ready.Reason, ready.Message, ready.LastTransitionTime));
        Assert.Equal([new Taint(Taint.UnreachableKey, string.Empty, TaintEffect.NoExecute)], node.Spec.Taints);
    }

    [Fact]
    public async Task SilentNode_PodsNotReadyThenEvictedWhenTheirTolerationEnds()
    {
        var quick = new Toleration { Key = Taint.UnreachableKey, Operator = TolerationOperator.Exists, Effect = TaintEffect.NoExecute, TolerationSeconds = 60 };
        var forever = new Toleration { Key = Taint.UnreachableKey, Operator = TolerationOperator.Exists };
        foreach (var (name, tolerations) in new[] { ("default", Array.Empty<Toleration>()), ("quick", [quick]), ("forever", [forever]) })
        {
            var pod = _store.Create(NewPod(name, tolerations));
            _store.UpdateStatus(pod with { Status = new PodStatus { Phase = PodPhase.Running, Conditions = [new Condition(PodConditionType.Ready, ConditionStatus.True)] } });
        }

        _time.Advance(TimeSpan.FromSeconds(41));
        await MonitorNodesAsync();
        Assert.All(GetPods(), p => Assert.Equal(("False", "NodeNotReady"), (p.Status.Conditions.Find(PodConditionType.Ready)!.Status, p.Status.Conditions.Find(PodConditionType.Ready)!.Reason)));

        _time.Advance(TimeSpan.FromSeconds(59));
        await MonitorNodesAsync();
        Assert.Equal(3, GetPods().Count);
        _time.Advance(TimeSpan.FromSeconds(1));
        await MonitorNodesAsync();
        Assert.Equal(["default", "forever"], GetPods().Select(p => p.Metadata.Name));

        _time.Advance(TimeSpan.FromSeconds(240));
        await MonitorNodesAsync();
        Assert.Equal(["forever"], GetPods().Select(p => p.Metadata.Name));
    }

    [Fact]
    public async Task NodeHeartBeatsAgain_TaintIsRemoved()
    {
        _time.Advance(TimeSpan.FromSeconds(60));
        await MonitorNodesAsync();
        Assert.NotEmpty(GetNode().Spec.Taints);

        _store.Mutate<Node>(N1, n => n with
        {
            Status = n.Status with
            {
                LastHeartbeatTime = _time.GetUtcNow(),
                Conditions = n.Status.Conditions.Set(new Condition(NodeConditionType.Ready, ConditionStatus.True, "KubeletReady", "kubelet is posting ready status", _time.GetUtcNow())),
            },
        }, statusOnly: true);
        await MonitorNodesAsync();

        Assert.Empty(GetNode().Spec.Taints);
        Assert.True(GetNode().Status.IsReady);
    }

    [Fact]
    public async Task RunAsync_MonitorsEveryPeriodOnTheClock()
    {
        using var stop = new CancellationTokenSource();
        var run = _controller.RunAsync(stop.Token);

        _time.Advance(TimeSpan.FromSeconds(45));

        await AgentHarness.WaitForAsync(GetNode, n => n.Spec.Taints.Count == 1, "tainted by the periodic pass");
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(5));
    }

    private static Pod NewPod(string name, IReadOnlyList<Toleration> tolerations) => new()
    {
        Metadata = new ObjectMeta { Name = name },
        Spec = new PodSpec { NodeName = "n1", Tolerations = tolerations, Containers = [new Container { Name = "c", Image = "busybox" }] },
    };

    public async ValueTask DisposeAsync() => await _informers.DisposeAsync();

    /// <summary>One pass, once the Node and Pod informers hold exactly what the store holds.</summary>
    private async Task MonitorNodesAsync()
    {
        var nodes = _informers.For<Node>();
        var pods = _informers.For<Pod>();
        await StoreWait.UntilAsync(_store, () => Versions(nodes.List()) == Versions(_store.List<Node>(Node.KindName).Items) &&
            Versions(pods.List()) == Versions(GetPods()), "the informers caught up with the store");
        _controller.MonitorNodes();
    }

    private static string Versions(IEnumerable<Resource> items) => string.Join(',', items.Select(o => $"{o.Metadata.Name}@{o.Metadata.ResourceVersion}"));

    private Node GetNode() => _store.Get<Node>(N1)!;

    private IReadOnlyList<Pod> GetPods() => _store.List<Pod>(Pod.KindName).Items;
}

using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Runtime.InMemory;

namespace Orchestration.Sdk.Tests.Runtime;

/// <summary>Node agents, in-memory nodes and the node lifecycle controller together: a node goes silent and comes back.</summary>
public sealed class NodeLossTests : IAsyncDisposable
{
    private readonly AgentHarness _h = new();
    private readonly InMemoryNode _n1;

    public NodeLossTests()
    {
        _n1 = _h.Cluster.Add("n1");
        _h.Cluster.Add("n2");
    }

    public ValueTask DisposeAsync() => _h.DisposeAsync();

    [Fact]
    public async Task NodeDown_NotReadyAfter40s_PodsEvictedAfter300s_NodeBack_ReadyUntaintedOrphansRemoved()
    {
        await _h.StartAgentsAsync();
        _h.StartLifecycle();
        _h.CreatePod(AgentHarness.NewPod("web", "n1"));
        var patientToleration = new Toleration { Key = Taint.UnreachableKey, Operator = TolerationOperator.Exists, Effect = TaintEffect.NoExecute, TolerationSeconds = 3600 };
        _h.CreatePod(AgentHarness.NewPod("patient", "n1", tolerations: [patientToleration]));
        _h.CreatePod(AgentHarness.NewPod("other", "n2"));
        await _h.WaitForPodAsync("web", p => p.Status.IsReady, "ready");
        var patient = await _h.WaitForPodAsync("patient", p => p.Status.IsReady, "ready");

        _n1.TakeDown();
        _h.Time.Advance(TimeSpan.FromSeconds(40));
        await AgentHarness.AssertStaysAsync(() => _h.GetNode("n1")!.Status.IsReady, "n1 Ready at exactly the grace period");
        _h.Time.Advance(TimeSpan.FromSeconds(5));

        var node = await _h.WaitForNodeAsync("n1", n => n.Spec.Taints.Any(t => t.Key == Taint.UnreachableKey), "unreachable");
        var ready = node.Status.Conditions.Find(NodeConditionType.Ready)!;
        Assert.Equal((ConditionStatus.Unknown, "NodeStatusUnknown", "Kubelet stopped posting node status."), (ready.Status, ready.Reason, ready.Message));
        await _h.WaitForPodAsync("web", p => !p.Status.IsReady, "not ready");
        await _h.WaitForPodAsync("patient", p => !p.Status.IsReady, "not ready");
        Assert.True(_h.GetNode("n2")!.Status.IsReady);
        Assert.True(_h.GetPod("other")!.Status.IsReady);

        _h.Time.Advance(TimeSpan.FromSeconds(295));
        await AgentHarness.AssertStaysAsync(() => _h.GetPod("web") is not null, "web kept 295s after the taint");
        _h.Time.Advance(TimeSpan.FromSeconds(5));
        await _h.WaitForPodGoneAsync("web");
        Assert.NotNull(_h.GetPod("patient"));
        Assert.Equal(2, _n1.Containers.Count); // the node cannot be reached: its containers still run

        _n1.BringUp();
        _h.Time.Advance(TimeSpan.FromSeconds(5)); // next heartbeat
        await _h.WaitForNodeAsync("n1", n => n.Status.IsReady, "Ready again");
        _h.Time.Advance(TimeSpan.FromSeconds(5)); // next monitor pass
        await _h.WaitForNodeAsync("n1", n => n.Spec.Taints.Count == 0, "untainted");
        await AgentHarness.WaitForAsync(() => _n1.Containers, cs => cs.Count == 1 && cs[0].Labels[RuntimeLabels.PodName] == "patient", "the evicted pod's containers removed");
        var back = await _h.WaitForPodAsync("patient", p => p.Status.IsReady, "ready again");
        Assert.Equal(patient.Status.ContainerStatuses[0].ContainerId, back.Status.ContainerStatuses[0].ContainerId);
    }

    [Fact]
    public async Task NodeRestartedAndLostItsContainers_PodsStillBoundAreStartedAgain()
    {
        await _h.StartAgentsAsync();
        _h.CreatePod(AgentHarness.NewPod("web", "n1"));
        var before = await _h.WaitForPodAsync("web", p => p.Status.IsReady, "ready");

        _n1.TakeDown();
        _n1.BringUp(loseContainers: true);

        var after = await _h.WaitForPodAsync("web", p => p.Status.IsReady && p.Status.ContainerStatuses[0].ContainerId != before.Status.ContainerStatuses[0].ContainerId, "running again");
        Assert.Equal(1, after.Status.ContainerStatuses[0].RestartCount);
        Assert.Single(_n1.Sandboxes);
    }
}

using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Runtime.InMemory;
using Orchestration.Sdk.Runtime.NodeAgents;

namespace Orchestration.Sdk.Tests.Runtime;

public sealed class NodeAgentTests : IAsyncDisposable
{
    private readonly AgentHarness _h = new();
    private readonly InMemoryNode _n1;

    public NodeAgentTests()
    {
        _n1 = _h.Cluster.Add("n1", cpu: 4, memory: "8Gi", labels: new Dictionary<string, string> { ["zone"] = "a" }, taints: [new Taint("dedicated", "web", TaintEffect.NoSchedule)]);
    }

    public ValueTask DisposeAsync() => _h.DisposeAsync();

    [Fact]
    public async Task Start_RegistersTheNodeWithCapacityLabelsTaintsAndReadyCondition()
    {
        await _h.StartAgentsAsync();

        var node = _h.GetNode("n1")!;
        Assert.Equal(("4", "8Gi", 110), (node.Status.Capacity.Cpu.ToString(), node.Status.Capacity.Memory.ToString(), node.Status.Capacity.Pods));
        Assert.Equal(node.Status.Capacity, node.Status.Allocatable);
        Assert.Equal(("a", "n1"), (node.Metadata.Labels["zone"], node.Metadata.Labels["kubernetes.io/hostname"]));
        Assert.Equal([new Taint("dedicated", "web", TaintEffect.NoSchedule)], node.Spec.Taints);
        Assert.Equal("172.18.0.2", node.Status.Address);
        Assert.Equal(AgentHarness.Start, node.Status.LastHeartbeatTime);
        var ready = node.Status.Conditions.Find(NodeConditionType.Ready)!;
        Assert.Equal((ConditionStatus.True, "KubeletReady", "kubelet is posting ready status"), (ready.Status, ready.Reason, ready.Message));
    }

    [Fact]
    public async Task Heartbeat_EveryIntervalOnlyWhileTheRuntimeAnswers()
    {
        await _h.StartAgentsAsync();

        _h.Time.Advance(TimeSpan.FromSeconds(10));
        await _h.WaitForNodeAsync("n1", n => n.Status.LastHeartbeatTime == AgentHarness.Start.AddSeconds(10), "heart-beat at +10s");

        _n1.TakeDown();
        var calls = _n1.CallCount(InMemoryOperation.GetInfo);
        _h.Time.Advance(TimeSpan.FromSeconds(10));
        await AgentHarness.WaitForAsync(() => _n1.CallCount(InMemoryOperation.GetInfo), c => c > calls, "a heartbeat attempt");
        await AgentHarness.AssertStaysAsync(() => _h.GetNode("n1")!.Status.LastHeartbeatTime == AgentHarness.Start.AddSeconds(10), "no heartbeat while down");

        _n1.BringUp();
        _h.Time.Advance(TimeSpan.FromSeconds(10));
        await _h.WaitForNodeAsync("n1", n => n.Status.LastHeartbeatTime == AgentHarness.Start.AddSeconds(30), "heart-beat after coming back");
    }

    [Fact]
    public async Task NodeAddedWhileRunning_GetsAnAgent()
    {
        await _h.StartAgentsAsync();

        _h.Cluster.Add("n2", cpu: 1, memory: "1Gi");

        var node = await _h.WaitForNodeAsync("n2", n => n.Status.IsReady, "registered");
        Assert.Equal("1Gi", node.Status.Capacity.Memory.ToString());
    }

    [Fact]
    public async Task BoundPod_GetsRunningContainersAndStatus()
    {
        await _h.StartAgentsAsync();
        var spec = AgentHarness.NewPod("web-abc", "n1", containers: ["web", "sidecar"]);
        var created = _h.CreatePod(spec);

        var pod = await _h.WaitForPodAsync("web-abc", p => p.Status.IsReady, "ready");

        Assert.Equal(PodPhase.Running, pod.Status.Phase);
        Assert.Equal("10.244.0.2", pod.Status.PodIP);
        Assert.Equal("172.18.0.2", pod.Status.HostIP);
        Assert.Equal(AgentHarness.Start, pod.Status.StartTime);
        Assert.True(pod.Status.Conditions.Find(PodConditionType.ContainersReady)!.IsTrue);
        Assert.All(pod.Status.ContainerStatuses, s => Assert.Equal((true, 0, AgentHarness.Start), (s.Ready, s.RestartCount, s.State.Running!.StartedAt)));
        var web = _n1.Containers.Single(c => c.Labels[RuntimeLabels.ContainerName] == "web");
        Assert.Equal(pod.Status.ContainerStatuses[0].ContainerId, web.Id);
        Assert.Equal(
            ("true", "n1", created.Metadata.Uid, "web-abc", "default", "0"),
            (web.Labels[RuntimeLabels.Managed], web.Labels[RuntimeLabels.Node], web.Labels[RuntimeLabels.PodUid], web.Labels[RuntimeLabels.PodName], web.Labels[RuntimeLabels.PodNamespace], web.Labels[RuntimeLabels.RestartCount]));
        Assert.Single(_n1.Sandboxes);
    }

    [Fact]
    public void ContainerRequest_CarriesEnvPortsLimitsAndLabels()
    {
        var pod = AgentHarness.NewPod("web-abc", "n1");
        var container = pod.Spec.Containers[0] with
        {
            Env = [new EnvVar("MODE", "dev"), new EnvVar("MODE", "prod")],
            Ports = [new ContainerPort(8080)],
            Command = ["/bin/web"],
            Resources = new ResourceRequirements { Limits = new ResourceList { Cpu = "500m", Memory = "256Mi" } },
        };

        var request = ContainerRequests.Container(pod with { Metadata = pod.Metadata with { Uid = "u1" } }, container, "sb", 3, "n1", "shop");

        Assert.Equal(("prod", 8080, "/bin/web", 500L, 256L * 1024 * 1024), (request.Environment["MODE"], request.Ports.Single(), request.Command.Single(), request.CpuLimitMilliCores!.Value, request.MemoryLimitBytes!.Value));
        Assert.Equal(("3", "shop", "u1", "sb"), (request.Labels[RuntimeLabels.RestartCount], request.Labels[RuntimeLabels.App], request.Labels[RuntimeLabels.PodUid], request.SandboxId));
    }

    [Fact]
    public async Task UnboundOrOtherNodePod_IsLeftAlone()
    {
        await _h.StartAgentsAsync();
        var unbound = AgentHarness.NewPod("floating", "n1");
        _h.CreatePod(unbound with { Spec = unbound.Spec with { NodeName = null } });
        _h.CreatePod(AgentHarness.NewPod("elsewhere", "n9"));
        _h.CreatePod(AgentHarness.NewPod("mine", "n1"));

        await _h.WaitForPodAsync("mine", p => p.Status.IsReady, "ready");

        Assert.All(_n1.Containers, c => Assert.Equal("mine", c.Labels[RuntimeLabels.PodName]));
        Assert.Empty(_h.GetPod("floating")!.Status.ContainerStatuses);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Autoscaling;
using Orchestration.Sdk.Events;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Testing;

namespace Orchestration.Sdk.Tests.Events;

/// <summary>The deployment, replicaset, autoscaler and node lifecycle controllers' events on an in-memory cluster.</summary>
public sealed class ControllerEventsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task ScaleAsync_UpThenDown_ScalingReplicaSetOnTheDeploymentAndPodEventsOnTheReplicaSet()
    {
        await using var cluster = await TestCluster.StartAsync(app => app.AddDeployment("web").WithImage("web:1"), time: _time);
        await cluster.WaitForReadyReplicasAsync("web", 1);
        var rs = (await cluster.Client.ListAsync<ReplicaSet>()).Single().Metadata.Name;
        var created = await ClusterEvents.WaitForAsync(cluster, "ScalingReplicaSet");
        Assert.Equal($"Scaled up replica set {rs} from 0 to 1", created.Message);

        await cluster.Client.ScaleAsync("web", 3);
        var up = await ClusterEvents.WaitForAsync(cluster, "ScalingReplicaSet", e => e.Message.Contains("from 1 to 3", StringComparison.Ordinal));
        await cluster.WaitForReadyReplicasAsync("web", 3);
        await ClusterEvents.WaitForAsync(cluster, "SuccessfulCreate", _ => ClusterEvents.List(cluster, "SuccessfulCreate").Count == 3, "three SuccessfulCreate events");
        await cluster.Client.ScaleAsync("web", 1);
        var down = await ClusterEvents.WaitForAsync(cluster, "ScalingReplicaSet", e => e.Message.Contains("from 3 to 1", StringComparison.Ordinal));
        await ClusterEvents.WaitForAsync(cluster, "SuccessfulDelete", _ => ClusterEvents.List(cluster, "SuccessfulDelete").Count == 2, "two SuccessfulDelete events");

        Assert.Equal($"Scaled up replica set {rs} from 1 to 3", up.Message);
        Assert.Equal($"Scaled down replica set {rs} from 3 to 1", down.Message);
        Assert.Equal(("Deployment", "web", "apps/v1", "deployment-controller"), (up.InvolvedObject.Kind, up.InvolvedObject.Name, up.InvolvedObject.ApiVersion, up.Source.Component));
        var podNames = ClusterEvents.List(cluster, "SuccessfulCreate").Select(e => e.Message).Order().ToList();
        Assert.All(podNames, m => Assert.StartsWith($"Created pod: {rs}-", m, StringComparison.Ordinal));
        Assert.Equal(3, podNames.Distinct().Count());
        Assert.All(ClusterEvents.List(cluster, "SuccessfulDelete"), e =>
            Assert.Equal(("ReplicaSet", rs, "replicaset-controller"), (e.InvolvedObject.Kind, e.InvolvedObject.Name, e.Source.Component)));
    }

    [Fact]
    public async Task NodeLost_NotReadyThenEvicted_NodeNotReadyAndTaintManagerEviction()
    {
        await using var cluster = await TestCluster.StartAsync(app => app.AddPod("web").WithImage("web:1"), nodes: n => n.Add("node-1"), time: _time);
        await cluster.WaitUntilAsync("the pod is ready", c => c.Pods().Count == 1 && c.Pods()[0].Status.IsReady);

        cluster.Nodes.SimulatedNodes.Single().TakeDown();
        _time.Advance(TimeSpan.FromSeconds(40));
        _time.Advance(TimeSpan.FromSeconds(5));
        var node = await ClusterEvents.WaitForAsync(cluster, "NodeNotReady", e => e.InvolvedObject.Kind == Node.KindName);
        var pod = await ClusterEvents.WaitForAsync(cluster, "NodeNotReady", e => e.InvolvedObject.Kind == Pod.KindName);
        _time.Advance(TimeSpan.FromSeconds(300));
        var evicted = await ClusterEvents.WaitForAsync(cluster, "TaintManagerEviction");

        Assert.Equal(("Node node-1 status is now: NodeNotReady", EventTypes.Normal, "node-controller", "default"), (node.Message, node.Type, node.Source.Component, node.Metadata.Namespace));
        Assert.Equal(("Node is not ready", EventTypes.Warning, "web"), (pod.Message, pod.Type, pod.InvolvedObject.Name));
        Assert.Equal(("Marking for deletion Pod default/web", "taint-eviction-controller"), (evicted.Message, evicted.Source.Component));
    }

    [Fact]
    public async Task Autoscaler_CpuAboveTarget_SuccessfulRescaleWithNewSizeAndReason()
    {
        await using var cluster = await TestCluster.StartAsync(app =>
        {
            app.AddDeployment("web").WithImage("web:1").WithReplicas(2).WithResources(cpu: "200m", memory: "128Mi");
            app.AddAutoscaler("web").WithReplicas(1, 6).WithCpuUtilization(50);
        }, time: _time);
        await cluster.WaitForReadyReplicasAsync("web", 2);
        var metrics = cluster.Services.GetRequiredService<InMemoryMetrics>();
        foreach (var p in cluster.Pods("web"))
        {
            metrics.SetUsage(p.Metadata.Name, cpu: "200m"); // 100 % of request, twice the target
        }

        await cluster.WaitUntilAsync("the autoscaler synced once", c => c.Client.GetAsync<HorizontalPodAutoscaler>("web").Result?.Status.ObservedGeneration > 0);
        await cluster.AdvanceUntilAsync("the autoscaler scaled web", c => c.Deployment("web")!.Spec.Replicas != 2, _time.Advance, TimeSpan.FromSeconds(15), maxSteps: 3);
        var e = await ClusterEvents.WaitForAsync(cluster, "SuccessfulRescale");

        Assert.Equal("New size: 4; reason: cpu resource utilization (percentage of request) above target", e.Message);
        Assert.Equal(("HorizontalPodAutoscaler", "autoscaling/v2", "horizontal-pod-autoscaler"), (e.InvolvedObject.Kind, e.InvolvedObject.ApiVersion, e.Source.Component));
    }
}

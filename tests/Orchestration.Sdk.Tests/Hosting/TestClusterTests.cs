using Orchestration.Sdk.Scheduling;
using Orchestration.Sdk.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Testing;

namespace Orchestration.Sdk.Tests.Hosting;

public class TestClusterTests
{
    private static void Web(AppDeclaration app, int replicas = 3) =>
        app.AddDeployment("web").WithImage("web:1").WithReplicas(replicas).WithResources(cpu: "500m", memory: "256Mi");

    [Fact]
    public async Task StartAsync_Deployment_ComesUpSpreadOverNodes()
    {
        await using var cluster = await TestCluster.StartAsync(app => Web(app), time: new FakeTimeProvider());

        await cluster.WaitForReadyReplicasAsync("web", 3);

        var pods = cluster.Pods("web");
        Assert.Equal(3, pods.Select(p => p.Spec.NodeName).Distinct().Count());
        Assert.All(pods, p => Assert.Equal(PodPhase.Running, p.Status.Phase));
        Assert.All(pods, p => Assert.NotNull(p.Status.PodIP));
    }

    [Fact]
    public async Task StartAsync_Returns_SchedulerAlreadySeesEveryNodeReady()
    {
        await using var cluster = await TestCluster.StartAsync(app => Web(app), time: new FakeTimeProvider());

        // The declaration is applied only once the scheduler's own feed (not only the store) has every node Ready,
        // so the first replicas can spread over all of them.
        var scheduler = cluster.Services.GetServices<IClusterComponent>().OfType<Scheduler>().Single();
        var nodes = cluster.Nodes.Nodes.Select(n => n.Name).ToList();
        Assert.Equal(3, nodes.Count);
        Assert.True(scheduler.SeesReady(nodes));
        Assert.False(scheduler.SeesReady(["no-such-node"]));
    }

    [Fact]
    public async Task StartAsync_InvalidDeclaration_ThrowsWithEveryErrorAndAppliesNothing()
    {
        var ex = await Assert.ThrowsAsync<DeclarationValidationException>(() => TestCluster.StartAsync(app =>
        {
            app.AddDeployment("ok").WithImage("ok:1");
            app.AddDeployment("Bad_Name").WithImage("x:1");
            app.AddDeployment("neg").WithImage("x:1").WithReplicas(-1);
        }));

        Assert.True(ex.Errors.Count >= 2, ex.Message);
        Assert.DoesNotContain(ex.Errors, e => e.Field.StartsWith("deployments[ok]", StringComparison.Ordinal));
        Assert.Contains("deployments[neg].spec.replicas: Invalid value: -1: must be greater than or equal to 0", ex.Message, StringComparison.Ordinal);
        Assert.Contains(ex.Errors, e => e.Field == "deployments[neg].spec.replicas");
        Assert.Contains(ex.Errors, e => e.Field.StartsWith("deployments[Bad_Name].metadata.name", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ScaleAsync_UpAndDown_ConvergesAndGarbageCollectsOnDelete()
    {
        await using var cluster = await TestCluster.StartAsync(app => Web(app, 2), time: new FakeTimeProvider());
        await cluster.WaitForReadyReplicasAsync("web", 2);

        await cluster.Client.ScaleAsync("web", 5);
        await cluster.WaitForReadyReplicasAsync("web", 5);

        await cluster.Client.ScaleAsync("web", 1);
        await cluster.WaitForReadyReplicasAsync("web", 1);

        await cluster.Client.DeleteAsync<Deployment>("web");
        await cluster.WaitUntilAsync("web's pods and ReplicaSets are gone", c =>
            c.Pods("web").Count == 0 && c.Client.ListAsync<ReplicaSet>().Result.Count == 0);
        Assert.All(cluster.Nodes.SimulatedNodes, n => Assert.Empty(n.Containers));
    }

    [Fact]
    public async Task CrashedContainer_IsRestartedWithLastExitCode()
    {
        await using var cluster = await TestCluster.StartAsync(app => Web(app, 1), time: new FakeTimeProvider());
        await cluster.WaitForReadyReplicasAsync("web", 1);
        var pod = cluster.Pods("web")[0];

        cluster.Nodes[pod.Spec.NodeName!].CrashContainer(pod.Metadata.Name, "web", exitCode: 137);

        await cluster.WaitUntilAsync("web restarted once and ready", c =>
            c.Pods("web") is [{ Status: { RestartCount: 1, IsReady: true } }]);
        var status = cluster.Pods("web")[0].Status.ContainerStatuses[0];
        Assert.Equal(137, status.LastState!.Terminated!.ExitCode);
        Assert.Equal("Error", status.LastState.Terminated.Reason);
    }

    [Fact]
    public async Task Unschedulable_PodStaysPendingWithReason_ThenFitsWhenNodeAdded()
    {
        await using var cluster = await TestCluster.StartAsync(
            app => app.AddDeployment("big").WithImage("big:1").WithResources(cpu: "6", memory: "1Gi"),
            nodes: n => n.Add("small", cpu: 2, memory: "4Gi"),
            time: new FakeTimeProvider());

        await cluster.WaitUntilAsync("big is unschedulable for lack of cpu", c =>
            c.Pods("big") is [{ } p] && p.Status.Conditions.Find(PodConditionType.PodScheduled) is
            { Reason: "Unschedulable", Message: "0/1 nodes are available: 1 Insufficient cpu." });
        Assert.Equal(PodPhase.Pending, cluster.Pods("big")[0].Status.Phase);

        cluster.Nodes.Add("large", cpu: 8, memory: "16Gi");

        await cluster.WaitForReadyReplicasAsync("big", 1);
        Assert.Equal("large", cluster.Pods("big")[0].Spec.NodeName);
    }

    [Fact]
    public async Task NodeLost_PodsEvictedAfterTolerationAndRescheduledElsewhere_NodeReturnsClean()
    {
        var time = new FakeTimeProvider();
        await using var cluster = await TestCluster.StartAsync(app => Web(app, 2), nodes: n =>
        {
            n.Add("n1");
            n.Add("n2");
        }, time: time);
        await cluster.WaitForReadyReplicasAsync("web", 2);
        var lostPod = cluster.Pods("web").First(p => p.Spec.NodeName == "n1");

        cluster.Nodes["n1"].TakeDown();
        await cluster.AdvanceUntilAsync("n1 is NotReady", c => c.Node("n1")!.Status.IsReady == false, time.Advance, TimeSpan.FromSeconds(10));
        var notReadyAt = time.GetUtcNow();
        Assert.NotNull(cluster.Pods("web").FirstOrDefault(p => p.Metadata.Name == lostPod.Metadata.Name)); // not before 300 s

        await cluster.AdvanceUntilAsync("the lost pod is evicted", c => c.Pods("web").All(p => p.Metadata.Name != lostPod.Metadata.Name), time.Advance, TimeSpan.FromSeconds(10));
        Assert.True(time.GetUtcNow() - notReadyAt >= TimeSpan.FromSeconds(290), $"evicted after only {time.GetUtcNow() - notReadyAt}");

        await cluster.WaitForReadyReplicasAsync("web", 2);
        Assert.All(cluster.Pods("web"), p => Assert.Equal("n2", p.Spec.NodeName));

        cluster.Nodes["n1"].BringUp();
        await cluster.AdvanceUntilAsync("n1 heart-beats again", c => c.Node("n1")!.Status.IsReady, time.Advance, TimeSpan.FromSeconds(10));
        await cluster.WaitUntilAsync("n1 is Ready again and its orphan containers are gone", c =>
            c.Node("n1")!.Status.IsReady && c.Nodes["n1"].Containers.Count == 0);
    }

}

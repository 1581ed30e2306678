using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Autoscaling;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Testing;

namespace Orchestration.Sdk.Tests.Autoscaling;

public class AutoscalingClusterTests
{
    private static void App(AppDeclaration app)
    {
        app.AddDeployment("web").WithImage("web:1").WithReplicas(2).WithResources(cpu: "200m", memory: "128Mi");
        app.AddAutoscaler("web").WithReplicas(1, 6).WithCpuUtilization(50);
    }

    [Fact]
    public async Task ScaleAsync_DeploymentOwnedByAutoscaler_IsRejectedWithMessage()
    {
        await using var cluster = await TestCluster.StartAsync(App, time: new FakeTimeProvider());

        var ex = await Assert.ThrowsAsync<OrchestrationException>(() => cluster.Client.ScaleAsync("web", 5));

        Assert.Equal("deployment \"web\" is scaled by horizontal pod autoscaler \"web\"; change the autoscaler's min/max replicas instead", ex.Message);
        Assert.Equal(2, cluster.Deployment("web")!.Spec.Replicas);
    }

    [Fact]
    public async Task Cluster_CpuLoadOnPods_ScalesOutWithinOneSyncPeriod()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var cluster = await TestCluster.StartAsync(App, time: time);
        await cluster.WaitForReadyReplicasAsync("web", 2);
        var metrics = cluster.Services.GetRequiredService<InMemoryMetrics>();
        foreach (var pod in cluster.Pods("web"))
        {
            metrics.SetUsage(pod.Metadata.Name, cpu: "200m"); // 100 % of request, twice the 50 % target
        }

        // The first sync ran when the autoscaler was applied; wait for its status so its 15 s requeue is registered.
        await cluster.WaitUntilAsync("the autoscaler synced once", c =>
            c.Client.GetAsync<HorizontalPodAutoscaler>("web").Result?.Status.ObservedGeneration > 0);
        // The requeue timer is registered just after that status write; if the clock moved first, the next tick
        // comes one period later. Either way the scale-up lands on the first sync that sees the load.
        await cluster.AdvanceUntilAsync("the autoscaler scaled web", c => c.Deployment("web")!.Spec.Replicas != 2, time.Advance, TimeSpan.FromSeconds(15), maxSteps: 3);
        await cluster.WaitForReadyReplicasAsync("web", 4);

        // The controller scales the deployment, then writes its status: wait for the last step (k8s.hpa.pod.* metrics: Diagnostics/MetricsTests).
        await cluster.WaitUntilAsync("the autoscaler recorded its decision", c =>
            c.Client.GetAsync<HorizontalPodAutoscaler>("web").Result?.Status.LastScaleReason is not null);
        var hpa = (await cluster.Client.GetAsync<HorizontalPodAutoscaler>("web"))!;
        Assert.Equal("scaled web from 2 to 4: cpu 100% of target 50%", hpa.Status.LastScaleReason);
        var events = cluster.Services.GetRequiredService<AutoscalerEvents>().List("web");
        Assert.Contains(events, e => e.Reason == "SuccessfulRescale" && e.Message == hpa.Status.LastScaleReason);
        Assert.Equal("4", cluster.Deployment("web")!.Spec.Replicas.ToString(CultureInfo.InvariantCulture));
    }
}

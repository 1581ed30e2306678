using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Autoscaling;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Configuration;
using Orchestration.Sdk.Controllers.Engine;
using Orchestration.Sdk.Diagnostics;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Testing;

namespace Orchestration.Sdk.Tests.Diagnostics;

/// <summary>The SDK's instruments, read with OpenTelemetry's in-memory exporter: names, units, attributes and values.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class MetricsTests
{
    [Fact]
    public async Task Cluster_DeploymentOfThreeReplicas_ReportsDesiredAvailableSchedulingAndRuntimeCalls()
    {
        using var metrics = new ExportedMetrics();
        await using var cluster = await TestCluster.StartAsync(
            app => app.AddDeployment("metered").WithImage("web:1").WithReplicas(3).WithResources(cpu: "500m", memory: "256Mi"),
            configureServices: s => s.AddMetrics());
        var deployment = (K8sAttributes.DeploymentName, (object)"metered");
        await cluster.WaitUntilAsync("k8s.deployment.pod.available of metered is 3", _ =>
            metrics.TrySum("k8s.deployment.pod.available", deployment) == 3 && metrics.TrySum("k8s.pod.status.phase", (K8sAttributes.PodPhase, "Running")) == 3);

        Assert.Equal(3, metrics.Sum("k8s.deployment.pod.desired", deployment, (K8sAttributes.NamespaceName, "default")));
        Assert.Equal("{pod}", metrics.Unit("k8s.deployment.pod.desired"));
        Assert.Equal(3, metrics.Sum("k8s.pod.status.phase", (K8sAttributes.PodPhase, "Running")));
        Assert.Equal(0, metrics.Sum("k8s.pod.status.phase", (K8sAttributes.PodPhase, "Pending")));
        Assert.Equal(3, metrics.Sum("orchestration.scheduler.attempts", (K8sAttributes.SchedulerResult, "scheduled")));
        Assert.Equal(3, Assert.Single(metrics.Collect("orchestration.scheduler.attempt.duration", (K8sAttributes.SchedulerResult, "scheduled"))).GetHistogramCount());
        Assert.Equal(3, Assert.Single(metrics.Collect("orchestration.runtime.call.duration", (K8sAttributes.RuntimeOperation, "CreateContainer"))).GetHistogramCount());
        Assert.Equal(3, Assert.Single(metrics.Collect("orchestration.runtime.call.duration", (K8sAttributes.RuntimeOperation, "RunPodSandbox"))).GetHistogramCount());
        Assert.Equal("s", metrics.Unit("orchestration.runtime.call.duration"));
        Assert.True(Assert.Single(metrics.Collect("orchestration.controller.reconcile.duration", (K8sAttributes.Controller, "deployment-controller"))).GetHistogramCount() > 0);
        Assert.InRange(metrics.Gauge("orchestration.controller.workqueue.depth", (K8sAttributes.Controller, "replicaset-controller")), 0, 3); // one point per controller
    }

    [Fact]
    public async Task Cluster_NodesAndACrashedContainer_ReportAllocatableAndRestartCount()
    {
        using var metrics = new ExportedMetrics();
        await using var cluster = await TestCluster.StartAsync(
            app => app.AddDeployment("crashy").WithImage("web:1"),
            nodes: n => n.Add("node-1", cpu: 2, memory: "1Gi"), time: new FakeTimeProvider());
        await cluster.WaitForReadyReplicasAsync("crashy", 1);
        var pod = Assert.Single(cluster.Pods("crashy"));

        cluster.Nodes["node-1"].CrashContainer(pod.Metadata.Name, "crashy");
        var container = new[] { (K8sAttributes.PodName, (object)pod.Metadata.Name), (K8sAttributes.ContainerName, "crashy"), (K8sAttributes.PodUid, pod.Metadata.Uid) };
        await cluster.WaitUntilAsync("k8s.container.restart.count of crashy is 1", _ => metrics.TrySum("k8s.container.restart.count", container) == 1);

        var node = (K8sAttributes.NodeName, (object)"node-1");
        Assert.Single(metrics.Collect("k8s.node.cpu.allocatable", node)); // a double: 2 cpus
        Assert.Equal(2.0, metrics.Collect("k8s.node.cpu.allocatable", node)[0].GetSumDouble());
        Assert.Equal(1L << 30, metrics.Sum("k8s.node.memory.allocatable", node));
        Assert.Equal("By", metrics.Unit("k8s.node.memory.allocatable"));
        Assert.Equal(1, cluster.Pods("crashy").Single().Status.ContainerStatuses.Single().RestartCount);
    }

    [Fact]
    public async Task Cluster_ImageNotFound_CountsFailedCreateContainerCallsWithTheErrorType()
    {
        using var metrics = new ExportedMetrics();
        await using var cluster = await TestCluster.StartAsync(
            app => app.AddPod("unpullable").WithImage("missing:1"), nodes: n => n.Add("node-1").MakeImageNotFound("missing:1"), time: new FakeTimeProvider());

        var failed = new[] { (K8sAttributes.RuntimeOperation, (object)"CreateContainer"), (K8sAttributes.ErrorType, typeof(ContainerRuntimeException).FullName!) };
        await cluster.WaitUntilAsync("a failed CreateContainer is counted", _ => metrics.TrySum("orchestration.runtime.call.errors", failed) > 0);

        Assert.Empty(metrics.Collect("orchestration.runtime.call.errors", (K8sAttributes.RuntimeOperation, "RunPodSandbox")));
        Assert.True(Assert.Single(metrics.Collect("orchestration.runtime.call.duration", failed)).GetHistogramCount() > 0);
        Assert.Equal("{error}", metrics.Unit("orchestration.runtime.call.errors"));
    }

    [Fact]
    public async Task Cluster_Autoscaler_ReportsCurrentDesiredMinAndMaxPods()
    {
        using var metrics = new ExportedMetrics();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var cluster = await TestCluster.StartAsync(
            app =>
            {
                app.AddDeployment("scaled").WithImage("web:1").WithReplicas(2).WithResources(cpu: "200m", memory: "128Mi");
                app.AddAutoscaler("scaled").WithReplicas(1, 6).WithCpuUtilization(50);
            },
            time: time);
        await cluster.WaitForReadyReplicasAsync("scaled", 2);
        foreach (var p in cluster.Pods("scaled"))
        {
            cluster.Services.GetRequiredService<InMemoryMetrics>().SetUsage(p.Metadata.Name, cpu: "100m"); // 50 %: on target
        }

        await cluster.AdvanceUntilAsync("the autoscaler decided on 2", c => c.Client.GetAsync<HorizontalPodAutoscaler>("scaled").Result?.Status.DesiredReplicas == 2, time.Advance, TimeSpan.FromSeconds(15), maxSteps: 3);

        var hpa = (K8sAttributes.HpaName, (object)"scaled");
        await cluster.WaitUntilAsync("k8s.hpa.pod.desired of scaled is 2", _ => metrics.TrySum("k8s.hpa.pod.desired", hpa) == 2);
        Assert.Equal(2, metrics.Sum("k8s.hpa.pod.current", hpa));
        Assert.Equal(1, metrics.Sum("k8s.hpa.pod.min", hpa));
        Assert.Equal(6, metrics.Sum("k8s.hpa.pod.max", hpa, (K8sAttributes.NamespaceName, "default")));
    }

    [Fact]
    public async Task Host_ReconcileFailsOnce_CountsOneErrorWithTheControllerAndErrorType()
    {
        using var metrics = new ExportedMetrics();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddOrchestration().UseInMemoryRuntime(n => n.Add("node-1")).AddReconciler<ConfigMap, FailingOnceReconciler>();
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            await host.Services.GetRequiredService<IResourceClient>().CreateAsync(new ConfigMap { Metadata = new ObjectMeta { Name = "settings" } });
            await host.Services.GetRequiredService<FailingOnceReconciler>().Retried.Task.WaitAsync(TimeSpan.FromSeconds(10));

            var controller = (K8sAttributes.Controller, (object)"configmap-controller");
            Assert.Equal(1, metrics.Sum("orchestration.controller.reconcile.errors", controller, (K8sAttributes.ErrorType, typeof(InvalidOperationException).FullName!)));
            var failed = Assert.Single(metrics.Collect("orchestration.controller.reconcile.duration", controller, (K8sAttributes.ErrorType, typeof(InvalidOperationException).FullName!)));
            Assert.Equal(1, failed.GetHistogramCount());
        }
        finally
        {
            await host.StopAsync();
        }
    }

    /// <summary>Throws on its first reconcile; the retry succeeds and completes <see cref="Retried"/>.</summary>
    private sealed class FailingOnceReconciler : IReconciler<ConfigMap>
    {
        private int _calls;

        public TaskCompletionSource Retried { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _calls) == 1)
            {
                throw new InvalidOperationException("the first reconcile fails");
            }

            Retried.TrySetResult();
            return Task.FromResult(ReconcileResult.Done);
        }
    }
}

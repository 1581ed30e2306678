using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Events;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime.InMemory;
using Orchestration.Sdk.Runtime.Probes;
using Orchestration.Sdk.Testing;

namespace Orchestration.Sdk.Tests.Events;

/// <summary>The node agent's events on a one-node in-memory cluster and a fake clock.</summary>
public sealed class KubeletEventsTests
{
    private static readonly TimeSpan ProbePeriod = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task StartPod_ContainerStarts_PulledCreatedStartedForTheContainer()
    {
        await using var cluster = await StartAsync(app => app.AddPod("web").WithImage("web:1"));

        var started = await ClusterEvents.WaitForAsync(cluster, "Started");
        var pulled = Assert.Single(ClusterEvents.List(cluster, "Pulled"));
        var created = Assert.Single(ClusterEvents.List(cluster, "Created"));

        Assert.Equal("Container image \"web:1\" already present on machine", pulled.Message);
        Assert.Equal("Created container: web", created.Message);
        Assert.Equal("Started container web", started.Message);
        Assert.All([pulled, created, started], e =>
        {
            Assert.Equal(("kubelet", "node-1", EventTypes.Normal), (e.Source.Component, e.Source.Host, e.Type));
            Assert.Equal(("Pod", "web", "spec.containers{web}"), (e.InvolvedObject.Kind, e.InvolvedObject.Name, e.InvolvedObject.FieldPath));
        });
    }

    [Fact]
    public async Task CrashLoop_RestartsHeldBack_BackOffWarningCountedOnOneEvent()
    {
        await using var cluster = await StartAsync(app => app.AddPod("web").WithImage("crash:1"), n => n.CrashImageOnStart("crash:1"));
        await cluster.WaitUntilAsync("the pod exists", c => c.Pods().Count == 1);
        var pod = cluster.Pods().Single();

        var first = await ClusterEvents.WaitForAsync(cluster, "BackOff");
        Assert.Equal($"Back-off restarting failed container web in pod web_default({pod.Metadata.Uid})", first.Message);
        Assert.Equal((EventTypes.Warning, "spec.containers{web}"), (first.Type, first.InvolvedObject.FieldPath));

        // The first back-off is 10 s: the restart crashes again and is held back 20 s, the same event counted again.
        _time.Advance(TimeSpan.FromSeconds(10));
        var again = await ClusterEvents.WaitForAsync(cluster, "BackOff", e => e.LastTimestamp == _time.GetUtcNow(), "the BackOff event reported again after the restart");

        Assert.Equal(first.Metadata.Name, again.Metadata.Name);
        Assert.True(again.Count > first.Count, $"count {again.Count} after {first.Count}");
        Assert.Equal(first.FirstTimestamp, again.FirstTimestamp);
        Assert.Single(ClusterEvents.List(cluster, "BackOff"));
        Assert.True(Assert.Single(ClusterEvents.List(cluster, "Started")).Count >= 3, "each start of the crashing container counted");
    }

    [Fact]
    public async Task ReadinessProbe_Failing_UnhealthyWarningWithTheProbeOutput()
    {
        await using var cluster = await StartAsync(app => app.AddDeployment("web").WithImage("web:1").WithPort(8080).WithReadinessProbe("/healthz", 8080));
        await cluster.WaitForReadyReplicasAsync("web", 1);
        var pod = cluster.Pods().Single().Metadata.Name;
        var node = cluster.Nodes.SimulatedNodes.Single();
        node.SetProbeResult(pod, "web", ProbeKind.Readiness, healthy: false);

        _time.Advance(ProbePeriod);
        var e = await ClusterEvents.WaitForAsync(cluster, "Unhealthy");
        _time.Advance(ProbePeriod);
        var counted = await ClusterEvents.WaitForAsync(cluster, "Unhealthy", x => x.Count >= 2, "the Unhealthy event counted twice");

        Assert.Equal("Readiness probe failed: HTTP probe failed with statuscode: 500", e.Message);
        Assert.Equal((EventTypes.Warning, "spec.containers{web}", pod), (e.Type, e.InvolvedObject.FieldPath, e.InvolvedObject.Name));
        Assert.Equal(e.Metadata.Name, counted.Metadata.Name);
    }

    [Fact]
    public async Task LivenessProbe_FailsThreshold_KillingWithTheKubeletsReason()
    {
        await using var cluster = await StartAsync(app => app.AddPod("web").WithImage("web:1").WithPort(8080)
            .WithLivenessProbe(Probe.ForTcpSocket(8080) with { FailureThreshold = 1 }));
        var node = cluster.Nodes.SimulatedNodes.Single();
        await cluster.WaitUntilAsync("the first liveness probe ran", c => c.Pods().Count == 1 && node.ProbeCount("web", "web", ProbeKind.Liveness) >= 1);
        node.SetProbeResult("web", "web", ProbeKind.Liveness, healthy: false);

        _time.Advance(ProbePeriod);
        var killing = await ClusterEvents.WaitForAsync(cluster, "Killing");
        var unhealthy = await ClusterEvents.WaitForAsync(cluster, "Unhealthy");

        Assert.Equal("Container web failed liveness probe, will be restarted", killing.Message);
        Assert.Equal("Liveness probe failed: dial tcp: connect to port 8080: connection refused", unhealthy.Message);
    }

    [Fact]
    public async Task DeletePod_Running_KillingStoppingContainer()
    {
        await using var cluster = await StartAsync(app => app.AddPod("web").WithImage("web:1"));
        await cluster.WaitUntilAsync("the pod is ready", c => c.Pods().Count == 1 && c.Pods()[0].Status.IsReady);

        await cluster.Client.DeleteAsync<Pod>("web");

        var e = await ClusterEvents.WaitForAsync(cluster, "Killing");
        Assert.Equal(("Stopping container web", EventTypes.Normal, "spec.containers{web}"), (e.Message, e.Type, e.InvolvedObject.FieldPath));
    }

    [Fact]
    public async Task StartPod_ImageNotFound_FailedWithThePullErrorThenErrImagePull()
    {
        await using var cluster = await StartAsync(app => app.AddPod("web").WithImage("missing:1"), n => n.MakeImageNotFound("missing:1"));

        await ClusterEvents.WaitForAsync(cluster, "Failed", e => e.Message == "Error: ErrImagePull");

        Assert.Contains(ClusterEvents.List(cluster, "Failed"), e => e.Message == "Failed to pull image \"missing:1\": not found" && e.Type == EventTypes.Warning);
        Assert.Empty(ClusterEvents.List(cluster, "Started"));
    }

    private Task<TestCluster> StartAsync(Action<AppDeclaration> declare, Action<InMemoryNode>? node = null) =>
        TestCluster.StartAsync(declare, nodes: n =>
        {
            var added = n.Add("node-1");
            node?.Invoke(added);
        }, time: _time);
}

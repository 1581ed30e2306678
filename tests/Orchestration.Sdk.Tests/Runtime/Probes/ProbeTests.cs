using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Networking;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Testing;
using Orchestration.Sdk.Runtime.Probes;
using Orchestration.Sdk.Runtime.InMemory;

namespace Orchestration.Sdk.Tests.Runtime.Probes;

/// <summary>
/// Probes run by the node agent on a fake clock against the in-memory runtime, whose containers answer what the test
/// sets. Each step waits for the probe count (observable state) before the clock moves again.
/// </summary>
public sealed class ProbeTests
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task ReadinessProbe_FailsThreeTimes_PodNotReadyThenReadyAgain()
    {
        await using var cluster = await StartAsync(app => app.AddDeployment("web").WithImage("web:1").WithPort(8080).WithReadinessProbe("/healthz", 8080));
        await cluster.WaitForReadyReplicasAsync("web", 1);
        var (node, pod) = await OnlyAsync(cluster);
        node.SetProbeResult(pod, "web", ProbeKind.Readiness, healthy: false);

        for (var failures = 1; failures <= 2; failures++)
        {
            await AdvanceUntilProbedAsync(cluster, node, pod, ProbeKind.Readiness, 1 + failures);
            Assert.True(PodOf(cluster).Status.IsReady, $"ready after {failures} failure(s): the threshold is 3");
        }

        await AdvanceUntilProbedAsync(cluster, node, pod, ProbeKind.Readiness, 4);
        await cluster.WaitUntilAsync("the pod is not ready", c => !PodOf(c).Status.IsReady && c.Deployment("web")?.Status.ReadyReplicas == 0);
        var status = PodOf(cluster).Status;
        Assert.False(status.ContainerStatuses[0].Ready);
        Assert.Equal(PodPhase.Running, status.Phase);
        Assert.Equal("containers with unready status: [web]", status.Conditions.Find(PodConditionType.Ready)?.Message);
        Assert.Equal(0, status.ContainerStatuses[0].RestartCount);

        node.SetProbeResult(pod, "web", ProbeKind.Readiness, healthy: true);
        await AdvanceUntilProbedAsync(cluster, node, pod, ProbeKind.Readiness, 5);
        await cluster.WaitForReadyReplicasAsync("web", 1);
        Assert.True(PodOf(cluster).Status.ContainerStatuses[0].Ready);
    }

    [Fact]
    public async Task ReadinessProbe_Failing_PodLeavesServiceEndpointsAndComesBack()
    {
        await using var cluster = await StartAsync(app =>
        {
            var web = app.AddDeployment("web").WithImage("web:1").WithPort(8080, "http").WithReadinessProbe(Probe.ForHttpGet("/ready", "http") with { FailureThreshold = 1 });
            app.AddService("web").SelectingPodsOf(web).WithPort(80, targetPortName: "http");
        });
        await cluster.WaitForReadyReplicasAsync("web", 1);
        var (node, pod) = await OnlyAsync(cluster);
        await cluster.WaitUntilAsync("the pod is an endpoint", c => Endpoints(c) is { Addresses.Count: 1, NotReadyAddresses.Count: 0 });

        node.SetProbeResult(pod, "web", ProbeKind.Readiness, healthy: false);
        await AdvanceUntilProbedAsync(cluster, node, pod, ProbeKind.Readiness, 2);
        await cluster.WaitUntilAsync("the pod is a not-ready endpoint", c => Endpoints(c) is { Addresses.Count: 0, NotReadyAddresses.Count: 1 });

        node.SetProbeResult(pod, "web", ProbeKind.Readiness, healthy: true);
        await AdvanceUntilProbedAsync(cluster, node, pod, ProbeKind.Readiness, 3);
        await cluster.WaitUntilAsync("the pod is an endpoint again", c => Endpoints(c) is { Addresses.Count: 1, NotReadyAddresses.Count: 0 });
    }

    [Fact]
    public async Task LivenessProbe_FailsThreeTimes_RestartsContainerWithReason()
    {
        await using var cluster = await StartAsync(app => app.AddDeployment("web").WithImage("web:1").WithPort(8080).WithLivenessProbe("/healthz", 8080));
        await cluster.WaitForReadyReplicasAsync("web", 1);
        var (node, pod) = await OnlyAsync(cluster);
        await cluster.WaitUntilAsync("the first liveness probe ran", _ => node.ProbeCount(pod, "web", ProbeKind.Liveness) == 1);
        var first = PodOf(cluster).Status.ContainerStatuses[0].ContainerId;
        node.SetProbeResult(pod, "web", ProbeKind.Liveness, healthy: false);

        await AdvanceUntilProbedAsync(cluster, node, pod, ProbeKind.Liveness, 2);
        await AdvanceUntilProbedAsync(cluster, node, pod, ProbeKind.Liveness, 3);
        Assert.Equal(0, PodOf(cluster).Status.ContainerStatuses[0].RestartCount);
        node.SetProbeResult(pod, "web", ProbeKind.Liveness, healthy: true);
        await AdvanceUntilProbedAsync(cluster, node, pod, ProbeKind.Liveness, 4);
        Assert.Equal(0, PodOf(cluster).Status.ContainerStatuses[0].RestartCount);

        // Three failures in a row (30 s at the default period) kill the instance; the restart policy starts a new one.
        node.SetProbeResult(pod, "web", ProbeKind.Liveness, healthy: false);
        for (var n = 5; n <= 7; n++)
        {
            await AdvanceUntilProbedAsync(cluster, node, pod, ProbeKind.Liveness, n, kills: n == 7);
        }

        await cluster.WaitUntilAsync("the container restarted", c => PodOf(c).Status.ContainerStatuses[0] is { RestartCount: 1, State.Running: not null });
        var status = PodOf(cluster).Status.ContainerStatuses[0];
        Assert.NotEqual(first, status.ContainerId);
        var last = status.LastState?.Terminated;
        Assert.NotNull(last);
        Assert.Equal("Error", last.Reason);
        Assert.Equal(143, last.ExitCode); // the in-memory container exits on SIGTERM at once
        Assert.Equal("Container web failed liveness probe, will be restarted", last.Message);
    }

    [Fact]
    public async Task LivenessProbe_ContainerIgnoresSigterm_KilledAfterGracePeriodWithExitCode137()
    {
        await using var cluster = await StartAsync(app => app.AddPod("web").WithImage("web:1").WithPort(8080)
            .WithTerminationGracePeriod(TimeSpan.FromSeconds(5))
            .WithLivenessProbe(Probe.ForTcpSocket(8080) with { FailureThreshold = 1 }));
        var (node, pod) = await OnlyAsync(cluster);
        await cluster.WaitUntilAsync("the first liveness probe ran", _ => node.ProbeCount(pod, "web", ProbeKind.Liveness) == 1);
        var id = node.FindContainer(pod, "web")!.Id;
        node.IgnoreSigterm(pod, "web");
        node.SetProbeResult(pod, "web", ProbeKind.Liveness, healthy: false);

        await AdvanceUntilProbedAsync(cluster, node, pod, ProbeKind.Liveness, 2);
        await cluster.WaitUntilAsync("the agent sent SIGTERM", _ => node.GetOutput(id).Contains("received SIGTERM", StringComparison.Ordinal));
        Assert.Equal(0, PodOf(cluster).Status.ContainerStatuses[0].RestartCount);
        node.SetProbeResult(pod, "web", ProbeKind.Liveness, healthy: true); // the next instance is healthy
        _time.Advance(TimeSpan.FromSeconds(5)); // the pod's grace period, then SIGKILL
        await cluster.WaitUntilAsync("the container restarted", c => PodOf(c).Status.ContainerStatuses[0].RestartCount == 1);

        var last = PodOf(cluster).Status.ContainerStatuses[0].LastState?.Terminated;
        Assert.Equal((137, "Error"), (last?.ExitCode, last?.Reason));
        Assert.Equal("Container web failed liveness probe, will be restarted", last?.Message);
    }

    [Fact]
    public async Task StartupProbe_UntilItSucceeds_HoldsOffLivenessAndReadiness()
    {
        await using var cluster = await StartAsync(
            app => app.AddPod("web").WithImage("web:1").WithPort(8080)
                .WithStartupProbe("/started", 8080, failureThreshold: 5)
                .WithLivenessProbe("/healthz", 8080)
                .WithReadinessProbe("/ready", 8080),
            unhealthy: ProbeKind.Startup);
        var (node, pod) = await OnlyAsync(cluster);

        await cluster.WaitUntilAsync("the first startup probe ran", c => node.ProbeCount(pod, "web", ProbeKind.Startup) == 1 && PodOf(c).Status.Phase == PodPhase.Running);
        for (var n = 2; n <= 3; n++)
        {
            await AdvanceUntilProbedAsync(cluster, node, pod, ProbeKind.Startup, n);
        }

        Assert.Equal(0, node.ProbeCount(pod, "web", ProbeKind.Liveness));
        Assert.Equal(0, node.ProbeCount(pod, "web", ProbeKind.Readiness));
        Assert.False(PodOf(cluster).Status.IsReady);
        Assert.False(PodOf(cluster).Status.ContainerStatuses[0].Ready);

        node.SetProbeResult(pod, "web", ProbeKind.Startup, healthy: true);
        await AdvanceUntilProbedAsync(cluster, node, pod, ProbeKind.Startup, 4);
        // The other probes run from the next period on (the startup result lands just after its probe: allow one more).
        for (var i = 0; i < 2 && node.ProbeCount(pod, "web", ProbeKind.Readiness) == 0; i++)
        {
            _time.Advance(Period);
            await WaitOrTimeOutAsync(cluster, c => node.ProbeCount(pod, "web", ProbeKind.Readiness) >= 1);
        }

        await cluster.WaitUntilAsync("readiness and liveness run and the pod is ready", c =>
            node.ProbeCount(pod, "web", ProbeKind.Readiness) >= 1 && node.ProbeCount(pod, "web", ProbeKind.Liveness) >= 1 && PodOf(c).Status.IsReady);
        Assert.Equal(4, node.ProbeCount(pod, "web", ProbeKind.Startup)); // a passed startup probe is not run again
        Assert.Equal(0, PodOf(cluster).Status.ContainerStatuses[0].RestartCount);
    }

    [Fact]
    public async Task StartupProbe_FailsThreshold_RestartsContainer()
    {
        await using var cluster = await StartAsync(
            app => app.AddPod("web").WithImage("web:1").WithPort(8080).WithStartupProbe(Probe.ForExec("cat", "/tmp/started") with { FailureThreshold = 2 }).WithLivenessProbe("/healthz", 8080),
            unhealthy: ProbeKind.Startup);
        var (node, pod) = await OnlyAsync(cluster);
        await cluster.WaitUntilAsync("the first startup probe ran", _ => node.ProbeCount(pod, "web", ProbeKind.Startup) == 1);

        await AdvanceUntilProbedAsync(cluster, node, pod, ProbeKind.Startup, 2, kills: true);

        await cluster.WaitUntilAsync("the container restarted", c => PodOf(c).Status.ContainerStatuses[0] is { RestartCount: 1, State.Running: not null });
        Assert.Equal("Container web failed startup probe, will be restarted", PodOf(cluster).Status.ContainerStatuses[0].LastState?.Terminated?.Message);
        Assert.Equal(0, node.ProbeCount(pod, "web", ProbeKind.Liveness));
    }

    [Fact]
    public async Task ReadinessProbe_InitialDelay_FirstProbeOnlyAfterIt()
    {
        await using var cluster = await StartAsync(app => app.AddPod("web").WithImage("web:1").WithPort(8080)
            .WithReadinessProbe("/ready", 8080, initialDelaySeconds: 15)
            .WithLivenessProbe("/healthz", 8080)); // no delay: a witness that each period's probes ran
        var (node, pod) = await OnlyAsync(cluster);
        await cluster.WaitUntilAsync("the pod runs and the liveness probe ran", c => PodOf(c).Status.Phase == PodPhase.Running && node.ProbeCount(pod, "web", ProbeKind.Liveness) == 1);
        Assert.False(PodOf(cluster).Status.ContainerStatuses[0].Ready); // a container with a readiness probe starts not ready

        await AdvanceUntilProbedAsync(cluster, node, pod, ProbeKind.Liveness, 2); // t = 10 s < 15 s
        Assert.Equal(0, node.ProbeCount(pod, "web", ProbeKind.Readiness));
        Assert.False(PodOf(cluster).Status.IsReady);

        await AdvanceUntilProbedAsync(cluster, node, pod, ProbeKind.Readiness, 1); // t = 20 s
        await cluster.WaitUntilAsync("the pod is ready", c => PodOf(c).Status.IsReady);
    }

    [Fact]
    public async Task NoProbes_ContainerReadyOnceRunning_NoProbeRuns()
    {
        await using var cluster = await StartAsync(app => app.AddPod("web").WithImage("web:1").WithPort(8080));
        var (node, pod) = await OnlyAsync(cluster);
        await cluster.WaitUntilAsync("the pod is ready", c => PodOf(c).Status.IsReady);

        Assert.All(Enum.GetValues<ProbeKind>(), k => Assert.Equal(0, node.ProbeCount(pod, "web", k)));
    }

    private Task<TestCluster> StartAsync(Action<AppDeclaration> declare, ProbeKind? unhealthy = null) =>
        TestCluster.StartAsync(declare, nodes: n =>
        {
            var node = n.Add("node-1");
            if (unhealthy is { } kind)
            {
                node.SetProbeResult("web", "web", kind, healthy: false);
            }
        }, time: _time);

    /// <summary>Moves the clock one period and waits for the probe; <paramref name="kills"/>: the new instance may already have been probed.</summary>
    private async Task AdvanceUntilProbedAsync(TestCluster cluster, InMemoryNode node, string pod, ProbeKind kind, int count, bool kills = false)
    {
        _time.Advance(Period);
        await cluster.WaitUntilAsync($"{kind} probe #{count} ran", _ => node.ProbeCount(pod, "web", kind) >= count);
        if (!kills)
        {
            Assert.Equal(count, node.ProbeCount(pod, "web", kind));
        }
    }

    private static async Task WaitOrTimeOutAsync(TestCluster cluster, Func<TestCluster, bool> condition)
    {
        try
        {
            await cluster.WaitUntilAsync("a probe ran", condition, TimeSpan.FromSeconds(2));
        }
        catch (TimeoutException)
        {
        }
    }

    private static async Task<(InMemoryNode Node, string Pod)> OnlyAsync(TestCluster cluster)
    {
        await cluster.WaitUntilAsync("the pod exists", c => c.Pods().Count == 1);
        return (cluster.Nodes.SimulatedNodes.Single(), PodOf(cluster).Metadata.Name);
    }

    private static Pod PodOf(TestCluster cluster) => cluster.Pods().Single();

    private static Endpoints? Endpoints(TestCluster cluster) => cluster.Client.GetAsync<Endpoints>("web").GetAwaiter().GetResult();
}

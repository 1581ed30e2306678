using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime.InMemory;
using Orchestration.Sdk.Testing;

namespace Orchestration.Sdk.Tests.Runtime;

/// <summary>Init containers on the in-memory runtime and a fake clock: order, back-off, failure, and kubectl's STATUS.</summary>
public sealed class InitContainerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task TwoInitContainers_RunInOrderToCompletion_ThenTheAppStarts()
    {
        await using var cluster = await StartAsync(app => app.AddPod("web").WithImage("web:1")
            .WithInitContainer("migrate", c => c.WithImage("migrate:1"))
            .WithInitContainer("seed", c => c.WithImage("seed:1")));
        var node = cluster.Nodes["node-1"];

        await WaitForStatusAsync(cluster, "Init:0/2");
        Assert.Equal(["migrate"], node.Containers.Select(Name));
        var pod = Pod(cluster);
        Assert.Equal(PodPhase.Pending, pod.Status.Phase);
        Assert.Equal("PodInitializing", pod.Status.ContainerStatuses.Single().State.Waiting?.Reason);
        var initialized = pod.Status.Conditions.Find(PodConditionType.Initialized)!;
        Assert.Equal((ConditionStatus.False, "ContainersNotInitialized", "containers with incomplete status: [migrate seed]"), (initialized.Status, initialized.Reason, initialized.Message));

        node.CrashContainer("web", "migrate", exitCode: 0);
        await WaitForStatusAsync(cluster, "Init:1/2");
        Assert.Equal(["migrate", "seed"], node.Containers.Select(Name).Order());

        node.CrashContainer("web", "seed", exitCode: 0);
        await WaitForStatusAsync(cluster, "Running");
        pod = Pod(cluster);
        Assert.Equal(PodPhase.Running, pod.Status.Phase);
        Assert.True(pod.Status.Conditions.Find(PodConditionType.Initialized)!.IsTrue);
        Assert.All(pod.Status.InitContainerStatuses, s => Assert.Equal(("Completed", true), (s.State.Terminated?.Reason, s.Ready)));
        Assert.Equal(["migrate", "seed"], pod.Status.InitContainerStatuses.Select(s => s.Name));
        Assert.Equal(3, node.Containers.Count);
    }

    [Fact]
    public async Task FailingInitContainer_RestartedWithBackOff_InitCrashLoopBackOffAndTheAppNeverStarts()
    {
        await using var cluster = await StartAsync(app => app.AddPod("web").WithImage("web:1").WithInitContainer("migrate", c => c.WithImage("bad:1")),
            n => n.CrashImageOnStart("bad:1"));

        await WaitForStatusAsync(cluster, "Init:CrashLoopBackOff");
        var status = Pod(cluster).Status.InitContainerStatuses.Single();
        Assert.Equal(1, status.RestartCount); // the first exit restarts at once, the second waits 10 s
        Assert.Equal(("Error", 1), (status.LastState?.Terminated?.Reason, status.LastState?.Terminated?.ExitCode));

        _time.Advance(TimeSpan.FromSeconds(10));
        await cluster.WaitUntilAsync("a second restart after the 10 s back-off", c => Pod(c).Status.InitContainerStatuses.Single().RestartCount == 2);

        Assert.DoesNotContain(cluster.Nodes["node-1"].Containers, c => Name(c) == "web");
        Assert.Equal(PodPhase.Pending, Pod(cluster).Status.Phase);
    }

    [Fact]
    public async Task FailingInitContainer_RestartPolicyNever_PodFailedWithInitError()
    {
        await using var cluster = await StartAsync(app => app.AddPod("web").WithImage("web:1").WithRestartPolicy(RestartPolicy.Never)
            .WithInitContainer("migrate", c => c.WithImage("bad:1")), n => n.CrashImageOnStart("bad:1", exitCode: 3));

        await cluster.WaitUntilAsync("pod failed", c => Pod(c).Status.Phase == PodPhase.Failed);

        Assert.Equal("Init:Error", PodDisplayStatus.Of(Pod(cluster)));
        Assert.Equal(3, Pod(cluster).Status.InitContainerStatuses.Single().State.Terminated?.ExitCode);
        _time.Advance(TimeSpan.FromMinutes(5));
        await Task.Delay(50); // real time: a wrong restart would show by now
        Assert.Equal(["migrate"], cluster.Nodes["node-1"].Containers.Select(Name));
    }

    [Fact]
    public async Task FaultInjection_InitContainerExitsNonZero_RestartedThenTheAppStartsAfterItSucceeds()
    {
        await using var cluster = await StartAsync(app => app.AddPod("web").WithImage("web:1").WithInitContainer("migrate", c => c.WithImage("migrate:1")));
        var node = cluster.Nodes["node-1"];
        await WaitForStatusAsync(cluster, "Init:0/1");

        node.CrashContainer("web", "migrate", exitCode: 2);
        await cluster.WaitUntilAsync("the init container restarted", c => Pod(c).Status.InitContainerStatuses.Single() is { RestartCount: 1, State.Running: not null });
        var last = Pod(cluster).Status.InitContainerStatuses.Single().LastState?.Terminated;
        Assert.Equal((2, "Error"), (last?.ExitCode, last?.Reason));
        Assert.DoesNotContain(node.Containers, c => Name(c) == "web");

        node.CrashContainer("web", "migrate", exitCode: 0);
        await WaitForStatusAsync(cluster, "Running");
        Assert.Contains(node.Containers, c => Name(c) == "web" && c.State == Orchestration.Sdk.Runtime.RuntimeContainerState.Running);
    }

    [Fact]
    public void Declaration_InitContainerWithProbeOrDuplicateName_ReportedWithFieldPaths() =>
        Declaration.ValidationAssert.BuildThrowsExactly(
            app => app.AddPod("web").WithImage("web:1")
                .WithInitContainer("web", c => c.WithImage("migrate:1"))
                .WithInitContainer("check", c => c.WithImage("check:1").WithPort(80).WithReadinessProbe(Probe.ForTcpSocket(80))),
            [
                "pods[web].spec.containers[0].name: Duplicate value: \"web\"",
                "pods[web].spec.initContainers[1].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always",
            ]);

    private static string Name(Orchestration.Sdk.Runtime.RuntimeContainer c) => c.Labels[Orchestration.Sdk.Runtime.RuntimeLabels.ContainerName];

    private static Pod Pod(TestCluster cluster) => cluster.Pods().Single();

    private static Task WaitForStatusAsync(TestCluster cluster, string status) =>
        cluster.WaitUntilAsync($"pod status {status}", c => c.Pods().Count == 1 && PodDisplayStatus.Of(Pod(c)) == status);

    private Task<TestCluster> StartAsync(Action<AppDeclaration> declare, Action<InMemoryCluster>? nodes = null) =>
        TestCluster.StartAsync(declare, n => { n.Add("node-1"); nodes?.Invoke(n); }, _time);
}

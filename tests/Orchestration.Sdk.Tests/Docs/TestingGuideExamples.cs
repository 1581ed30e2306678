using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime.InMemory;
using Orchestration.Sdk.Runtime.Probes;
using Orchestration.Sdk.Testing;

namespace Orchestration.Sdk.Tests.Docs;

/// <summary>
/// The examples of docs/testing.md, compiled and run with the rest of the suite: the page shows them as they are here.
/// Each starts an in-memory cluster on a fake clock, injects one fault and asserts what the orchestrator did.
/// </summary>
public class TestingGuideExamples
{
    [Fact]
    public async Task CrashContainer_OneReplica_RestartedWithTheExitCodeInLastState()
    {
        var time = new FakeTimeProvider();
        await using var cluster = await TestCluster.StartAsync(
            app => app.AddDeployment("web").WithImage("web:1").WithReplicas(3), time: time);
        await cluster.WaitForReadyReplicasAsync("web", 3);

        var pod = cluster.Pods("web")[0];
        cluster.Nodes[pod.Spec.NodeName!].CrashContainer(pod.Metadata.Name, "web", exitCode: 1);

        await cluster.WaitUntilAsync("web restarted", c => c.Pods("web").Sum(p => p.Status.RestartCount) == 1);
        var crashed = cluster.Pods("web").Single(p => p.Metadata.Name == pod.Metadata.Name);
        var last = crashed.Status.ContainerStatuses[0].LastState!.Terminated!;
        Assert.Equal((1, "Error"), (last.ExitCode, last.Reason));
        await cluster.WaitForReadyReplicasAsync("web", 3);
    }

    [Fact]
    public async Task CrashImageOnStart_CrashLoop_BackOffHeldUntilTheClockMoves()
    {
        var time = new FakeTimeProvider();
        await using var cluster = await TestCluster.StartAsync(
            app => app.AddDeployment("web").WithImage("web:1"),
            nodes: n => n.Add("node-1").CrashImageOnStart("web:1"),
            time: time);

        // The first restart is immediate; the next one is held back 10 s (then 20 s, 40 s … up to 300 s).
        await cluster.WaitUntilAsync("web is in CrashLoopBackOff", c =>
            c.Pods("web") is [{ Status.ContainerStatuses: [{ State.Waiting.Reason: "CrashLoopBackOff" }] }]);
        var waiting = cluster.Pods("web")[0].Status.ContainerStatuses[0];
        Assert.StartsWith("back-off 10s restarting failed container=web pod=web-", waiting.State.Waiting!.Message, StringComparison.Ordinal);

        await cluster.AdvanceUntilAsync("web restarted after its back-off", c =>
            c.Pods("web")[0].Status.RestartCount > waiting.RestartCount, time.Advance, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task FailNextCalls_CreateContainer_ErrorShownThenRetriedOnTheFakeClock()
    {
        var time = new FakeTimeProvider();
        await using var cluster = await TestCluster.StartAsync(
            app => app.AddDeployment("web").WithImage("web:1"),
            nodes: n => n.Add("node-1").FailNextCalls(InMemoryOperation.CreateContainer, count: 2, reason: "CreateContainerError", message: "disk full"),
            time: time);

        await cluster.WaitUntilAsync("web waits on the runtime error", c =>
            c.Pods("web") is [{ Status.ContainerStatuses: [{ State.Waiting: { Reason: "CreateContainerError", Message: "disk full" } }] }]);

        // Failed runtime calls are retried after 1 s, doubling (NodeAgentOptions.RuntimeRetryInitialBackoff).
        await cluster.AdvanceUntilAsync("web is ready after the retries", c => c.Deployment("web")?.Status.ReadyReplicas == 1,
            time.Advance, TimeSpan.FromSeconds(1));
        Assert.Equal(3, cluster.Nodes["node-1"].CallCount(InMemoryOperation.CreateContainer));
        Assert.Equal(0, cluster.Pods("web")[0].Status.RestartCount);
    }

    [Fact]
    public async Task MakeImageNotFound_Pod_WaitsWithErrImagePullUntilRestored()
    {
        var time = new FakeTimeProvider();
        await using var cluster = await TestCluster.StartAsync(
            app => app.AddDeployment("web").WithImage("web:2"),
            nodes: n =>
            {
                n.Add("node-1");
                n.MakeImageNotFound("web:2"); // on every node, from the start
            },
            time: time);

        await cluster.WaitUntilAsync("web waits with ErrImagePull", c =>
            c.Pods("web") is [{ Status.ContainerStatuses: [{ State.Waiting.Reason: "ErrImagePull" }] }]);

        cluster.Nodes.RestoreImage("web:2");
        await cluster.AdvanceUntilAsync("web is ready", c => c.Deployment("web")?.Status.ReadyReplicas == 1, time.Advance, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task SetProbeResult_ReadinessFails_PodLeavesReadyAfterThreeFailedProbes()
    {
        var time = new FakeTimeProvider();
        await using var cluster = await TestCluster.StartAsync(
            app => app.AddDeployment("web").WithImage("web:1").WithPort(8080).WithReadinessProbe(httpGet: "/healthz", port: 8080),
            nodes: n => n.Add("node-1"),
            time: time);
        await cluster.WaitForReadyReplicasAsync("web", 1);
        var node = cluster.Nodes["node-1"];
        var pod = cluster.Pods("web")[0].Metadata.Name;

        node.SetProbeResult(pod, "web", ProbeKind.Readiness, healthy: false);

        // Probes run every periodSeconds (10) of the fake clock; failureThreshold (3) failures make the pod not ready.
        await cluster.AdvanceUntilAsync("web is not ready", c => c.Deployment("web")?.Status.ReadyReplicas == 0,
            time.Advance, TimeSpan.FromSeconds(10));
        Assert.True(node.ProbeCount(pod, "web", ProbeKind.Readiness) >= 4, "the first probe passed, then three failed");
        Assert.Equal(PodPhase.Running, cluster.Pods("web")[0].Status.Phase);
        Assert.Equal(0, cluster.Pods("web")[0].Status.RestartCount); // readiness never restarts a container
    }

    [Fact]
    public async Task TakeDown_NodeLost_NodeUnknownThenPodsReplacedOnTheOtherNode()
    {
        var time = new FakeTimeProvider();
        await using var cluster = await TestCluster.StartAsync(
            app => app.AddDeployment("web").WithImage("web:1").WithReplicas(2),
            nodes: n =>
            {
                n.Add("n1");
                n.Add("n2");
            },
            time: time);
        await cluster.WaitForReadyReplicasAsync("web", 2);

        cluster.Nodes["n1"].TakeDown();

        // After 40 s without a heartbeat the node is Ready=Unknown and tainted unreachable; 300 s later its pods go.
        await cluster.AdvanceUntilAsync("n1 is unreachable", c =>
            c.Node("n1") is { } n && n.Spec.Taints.Any(t => t.Key == Taint.UnreachableKey), time.Advance, TimeSpan.FromSeconds(10));
        var ready = cluster.Node("n1")!.Status.Conditions.Find(NodeConditionType.Ready)!;
        Assert.Equal((ConditionStatus.Unknown, "NodeStatusUnknown"), (ready.Status, ready.Reason));

        await cluster.AdvanceUntilAsync("web runs on n2 only", c =>
            c.Pods("web") is { Count: 2 } pods && pods.All(p => p.Spec.NodeName == "n2"), time.Advance, TimeSpan.FromSeconds(10));
        await cluster.WaitForReadyReplicasAsync("web", 2);
    }

    [Fact]
    public async Task WaitUntilAsync_Timeout_SaysWhatItLastSaw()
    {
        await using var cluster = await TestCluster.StartAsync(
            app => app.AddDeployment("big").WithImage("big:1").WithResources(cpu: "8", memory: "1Gi"),
            nodes: n => n.Add("node-1", cpu: 4, memory: "8Gi"),
            time: new FakeTimeProvider());
        await cluster.WaitUntilAsync("big is unschedulable", c =>
            c.Pods("big") is [{ } p] && p.Status.Conditions.Find(PodConditionType.PodScheduled) is { Reason: "Unschedulable" });

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() =>
            cluster.WaitForReadyReplicasAsync("big", 1, timeout: TimeSpan.FromMilliseconds(200)));

        Assert.StartsWith("Timed out after 0.2s waiting until deployment big has 1 ready replicas. Last seen:", timeout.Message, StringComparison.Ordinal);
        Assert.Contains("deployment big: spec 1, pods 1, ready 0, updated 1", timeout.Message, StringComparison.Ordinal);
        Assert.Contains("node -, Pending [] Unschedulable: 0/1 nodes are available: 1 Insufficient cpu.", timeout.Message, StringComparison.Ordinal);
        Assert.Contains("node node-1: Ready, taints []", timeout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddCronJob_FakeClock_CreatesAJobOnSchedule()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 2, 58, 0, TimeSpan.Zero));
        await using var cluster = await TestCluster.StartAsync(
            app => app.AddCronJob("nightly").WithSchedule("0 3 * * *").WithImage("report:1"),
            nodes: n => n.Add("node-1").CrashImageOnStart("report:1", exitCode: 0), // the report runs and exits 0
            time: time);
        Assert.Empty(await cluster.Client.ListAsync<Job>());

        // Steps shorter than the node's 40 s grace period, so it keeps heart-beating between them.
        await cluster.AdvanceUntilAsync("the 03:00 job completed", c =>
            c.Client.ListAsync<Job>().GetAwaiter().GetResult() is [{ IsFinished: true }], time.Advance, TimeSpan.FromSeconds(20));

        var job = (await cluster.Client.ListAsync<Job>()).Single();
        Assert.Equal("nightly", job.Metadata.Controller!.Name);
        Assert.True(job.Status.Conditions.Find(JobConditionType.Complete)?.IsTrue, "the job is Complete");
    }
}

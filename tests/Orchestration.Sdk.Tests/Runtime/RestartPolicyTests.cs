using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Runtime.InMemory;

namespace Orchestration.Sdk.Tests.Runtime;

public sealed class RestartPolicyTests : IAsyncDisposable
{
    private readonly AgentHarness _h = new();
    private readonly InMemoryNode _n1;

    public RestartPolicyTests()
    {
        _n1 = _h.Cluster.Add("n1");
    }

    public ValueTask DisposeAsync() => _h.DisposeAsync();

    [Fact]
    public async Task CrashLoop_RestartsAfter0_10_20_40_80_160_300_300Seconds()
    {
        _n1.CrashImageOnStart("crash:1");
        await _h.StartAgentsAsync();
        var uid = _h.CreatePod(AgentHarness.NewPod("web-abc", "n1", image: "crash:1")).Metadata.Uid;

        // The first exit restarts at once; the second waits 10 s.
        var pod = await WaitForBackOffAsync(restarts: 1, "10s", uid);
        var lastStart = AgentHarness.Start;
        Assert.Equal(lastStart, pod.Status.ContainerStatuses[0].LastState!.Terminated!.StartedAt);

        (int Wait, string Next)[] steps = [(10, "20s"), (20, "40s"), (40, "1m20s"), (80, "2m40s"), (160, "5m0s"), (300, "5m0s"), (300, "5m0s")];
        for (var i = 0; i < steps.Length; i++)
        {
            var restarts = i + 1;
            _h.Time.Advance(TimeSpan.FromSeconds(steps[i].Wait - 1));
            await AgentHarness.AssertStaysAsync(() => _h.GetPod("web-abc")!.Status.ContainerStatuses[0].RestartCount == restarts, $"{restarts} restarts {steps[i].Wait - 1}s into the back-off");
            _h.Time.Advance(TimeSpan.FromSeconds(1));

            pod = await WaitForBackOffAsync(restarts + 1, steps[i].Next, uid);
            lastStart = lastStart.AddSeconds(steps[i].Wait);
            Assert.Equal(lastStart, pod.Status.ContainerStatuses[0].LastState!.Terminated!.StartedAt);
        }

        Assert.Equal(PodPhase.Running, pod.Status.Phase);
        Assert.False(pod.Status.IsReady);
        Assert.Equal(2, _n1.Containers.Count); // the current instance and the previous one; older ones are removed
    }

    [Theory]
    [InlineData(RestartPolicy.Never, 0, PodPhase.Succeeded, 0, "Completed")]
    [InlineData(RestartPolicy.Never, 1, PodPhase.Failed, 0, "Error")]
    [InlineData(RestartPolicy.OnFailure, 0, PodPhase.Succeeded, 0, "Completed")]
    [InlineData(RestartPolicy.OnFailure, 1, PodPhase.Running, 1, null)]
    [InlineData(RestartPolicy.Always, 0, PodPhase.Running, 1, null)]
    [InlineData(RestartPolicy.Always, 1, PodPhase.Running, 1, null)]
    public async Task ContainerExit_FollowsTheRestartPolicy(RestartPolicy policy, int exitCode, PodPhase phase, int restarts, string? terminatedReason)
    {
        await _h.StartAgentsAsync();
        _h.CreatePod(AgentHarness.NewPod("job", "n1", restartPolicy: policy));
        await _h.WaitForPodAsync("job", p => p.Status.IsReady, "ready");

        _n1.CrashContainer("job", "web", exitCode);

        var pod = await _h.WaitForPodAsync("job", p => p.Status.Phase == phase && p.Status.ContainerStatuses[0].RestartCount == restarts &&
            (terminatedReason is null ? p.Status.ContainerStatuses[0].State.Running is not null : p.Status.ContainerStatuses[0].State.Terminated is not null), $"{phase} after exit {exitCode}");
        var status = pod.Status.ContainerStatuses[0];
        if (terminatedReason is null)
        {
            Assert.Equal(exitCode, status.LastState!.Terminated!.ExitCode);
            Assert.True(pod.Status.IsReady);
        }
        else
        {
            Assert.Equal((exitCode, terminatedReason), (status.State.Terminated!.ExitCode, status.State.Terminated.Reason));
            Assert.False(pod.Status.IsReady);
            Assert.Single(_n1.Containers);
        }
    }

    [Fact]
    public async Task Backoff_ResetsAfterTheContainerRanTenMinutes()
    {
        await _h.StartAgentsAsync();
        _h.CreatePod(AgentHarness.NewPod("web", "n1"));
        await _h.WaitForPodAsync("web", p => p.Status.IsReady, "ready");

        _n1.CrashContainer("web", "web");
        await _h.WaitForPodAsync("web", p => p.Status.IsReady && p.Status.ContainerStatuses[0].RestartCount == 1, "restarted at once");
        _n1.CrashContainer("web", "web");
        await _h.WaitForPodAsync("web", p => p.Status.ContainerStatuses[0].State.Waiting?.Message?.StartsWith("back-off 10s", StringComparison.Ordinal) == true, "backing off 10s");
        _h.Time.Advance(TimeSpan.FromSeconds(10));
        await _h.WaitForPodAsync("web", p => p.Status.IsReady && p.Status.ContainerStatuses[0].RestartCount == 2, "restarted after 10s");

        _h.Time.Advance(TimeSpan.FromMinutes(10));
        _n1.CrashContainer("web", "web");
        await _h.WaitForPodAsync("web", p => p.Status.IsReady && p.Status.ContainerStatuses[0].RestartCount == 3, "restarted at once after 10 minutes of running");
        _n1.CrashContainer("web", "web");

        await _h.WaitForPodAsync("web", p => p.Status.ContainerStatuses[0].State.Waiting?.Message?.StartsWith("back-off 10s restarting failed container=web pod=web_default(", StringComparison.Ordinal) == true, "back-off 10s again, not 40s");
    }

    [Fact]
    public async Task OomKilledContainer_ShowsReasonOOMKilled()
    {
        await _h.StartAgentsAsync();
        _h.CreatePod(AgentHarness.NewPod("web", "n1", restartPolicy: RestartPolicy.Never));
        await _h.WaitForPodAsync("web", p => p.Status.IsReady, "ready");

        _n1.OomKillContainer("web", "web");

        var pod = await _h.WaitForPodAsync("web", p => p.Status.Phase == PodPhase.Failed, "failed");
        Assert.Equal(("OOMKilled", 137), (pod.Status.ContainerStatuses[0].State.Terminated!.Reason, pod.Status.ContainerStatuses[0].State.Terminated!.ExitCode));
    }

    [Fact]
    public async Task RuntimeCallFailure_IsShownOnTheContainerThenRetriedWithBackoff()
    {
        _n1.FailNextCalls(InMemoryOperation.CreateContainer, count: 2, reason: "CreateContainerError", message: "disk full");
        await _h.StartAgentsAsync();
        _h.CreatePod(AgentHarness.NewPod("web", "n1"));

        var pod = await _h.WaitForPodAsync("web", p => p.Status.ContainerStatuses.Count == 1 && p.Status.ContainerStatuses[0].State.Waiting?.Reason == "CreateContainerError", "waiting on the error");
        Assert.Equal(("disk full", PodPhase.Pending), (pod.Status.ContainerStatuses[0].State.Waiting!.Message, pod.Status.Phase));

        _h.Time.Advance(TimeSpan.FromSeconds(1)); // first retry fails too; the next waits 2 s
        await AgentHarness.WaitForAsync(() => _n1.CallCount(InMemoryOperation.CreateContainer), n => n == 2, "the first retry");
        _h.Time.Advance(TimeSpan.FromSeconds(1));
        await AgentHarness.AssertStaysAsync(() => _n1.CallCount(InMemoryOperation.CreateContainer) == 2, "no retry 1s into a 2s back-off");
        _h.Time.Advance(TimeSpan.FromSeconds(1));

        pod = await _h.WaitForPodAsync("web", p => p.Status.IsReady, "ready after the retry");
        Assert.Equal(0, pod.Status.ContainerStatuses[0].RestartCount);
    }

    [Fact]
    public async Task MissingImage_ShowsErrImagePullUntilTheImageExists()
    {
        _n1.MakeImageNotFound("ghost:1");
        await _h.StartAgentsAsync();
        _h.CreatePod(AgentHarness.NewPod("web", "n1", image: "ghost:1"));

        var pod = await _h.WaitForPodAsync("web", p => p.Status.ContainerStatuses.Count == 1 && p.Status.ContainerStatuses[0].State.Waiting?.Reason == "ErrImagePull", "ErrImagePull");
        Assert.Equal("Failed to pull image \"ghost:1\": not found", pod.Status.ContainerStatuses[0].State.Waiting!.Message);

        _n1.RestoreImage("ghost:1");
        _h.Time.Advance(TimeSpan.FromSeconds(1));
        await _h.WaitForPodAsync("web", p => p.Status.IsReady, "ready");
    }

    private Task<Pod> WaitForBackOffAsync(int restarts, string backoff, string uid) =>
        _h.WaitForPodAsync("web-abc", p =>
            p.Status.ContainerStatuses.Count == 1 &&
            p.Status.ContainerStatuses[0].RestartCount == restarts &&
            p.Status.ContainerStatuses[0].State.Waiting is { Reason: "CrashLoopBackOff" } w &&
            w.Message == $"back-off {backoff} restarting failed container=web pod=web-abc_default({uid})",
            $"in CrashLoopBackOff ({backoff}) after {restarts} restarts");
}

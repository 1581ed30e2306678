using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Runtime.InMemory;

namespace Orchestration.Sdk.Tests.Runtime;

public sealed class PodTeardownTests : IAsyncDisposable
{
    private readonly AgentHarness _h = new();
    private readonly InMemoryNode _n1;

    public PodTeardownTests()
    {
        _n1 = _h.Cluster.Add("n1");
    }

    public ValueTask DisposeAsync() => _h.DisposeAsync();

    [Fact]
    public async Task DeletePod_StopsContainersRemovesThemAndDeletesThePod()
    {
        await _h.StartAgentsAsync();
        _h.CreatePod(AgentHarness.NewPod("web", "n1"));
        var pod = await _h.WaitForPodAsync("web", p => p.Status.IsReady, "ready");

        _h.Store.DeletePod(pod, _h.Time.GetUtcNow());

        await _h.WaitForPodGoneAsync("web");
        Assert.Empty(_n1.Containers);
        Assert.Empty(_n1.Sandboxes);
    }

    [Fact]
    public async Task DeletePod_ContainerIgnoringSigterm_IsKilledWhenTheGracePeriodEnds()
    {
        await _h.StartAgentsAsync();
        _h.CreatePod(AgentHarness.NewPod("web", "n1", gracePeriodSeconds: 30));
        var pod = await _h.WaitForPodAsync("web", p => p.Status.IsReady, "ready");
        var id = pod.Status.ContainerStatuses[0].ContainerId!;
        _n1.IgnoreSigterm("web", "web");

        _h.Store.DeletePod(pod, _h.Time.GetUtcNow());
        await AgentHarness.WaitForAsync(() => _n1.GetOutput(id), o => o.Contains("received SIGTERM", StringComparison.Ordinal), "SIGTERM delivered");
        _h.Time.Advance(TimeSpan.FromSeconds(29));
        await AgentHarness.AssertStaysAsync(() => _h.GetPod("web") is { } p && p.IsTerminating() && _n1.Containers.Count == 1, "pod terminating 29s into its grace period");
        _h.Time.Advance(TimeSpan.FromSeconds(1));

        await _h.WaitForPodGoneAsync("web");
        Assert.Empty(_n1.Containers);
    }

    [Fact]
    public async Task DeletePod_SameNameRecreated_OldContainersGoNewOnesRun()
    {
        await _h.StartAgentsAsync();
        _h.CreatePod(AgentHarness.NewPod("web", "n1"));
        var old = await _h.WaitForPodAsync("web", p => p.Status.IsReady, "ready");

        _h.Store.Delete(old.Key);
        var fresh = _h.CreatePod(AgentHarness.NewPod("web", "n1"));

        await _h.WaitForPodAsync("web", p => p.Metadata.Uid == fresh.Metadata.Uid && p.Status.IsReady, "the new pod ready");
        await AgentHarness.WaitForAsync(() => _n1.Containers, cs => cs.Count == 1 && cs[0].Labels[RuntimeLabels.PodUid] == fresh.Metadata.Uid, "only the new pod's container");
    }

    [Fact]
    public async Task AgentRestart_AdoptsRunningContainersAndRecoversRestartCounts()
    {
        await _h.StartAgentsAsync();
        _h.CreatePod(AgentHarness.NewPod("web", "n1"));
        await _h.WaitForPodAsync("web", p => p.Status.IsReady, "ready");
        _n1.CrashContainer("web", "web");
        var before = await _h.WaitForPodAsync("web", p => p.Status.IsReady && p.Status.ContainerStatuses[0].RestartCount == 1, "restarted once");
        await _h.StopAgentsAsync();
        var creates = _n1.CallCount(InMemoryOperation.CreateContainer);
        _h.Store.Mutate<Pod>(before.Key, p => p with { Status = p.Status with { ContainerStatuses = [] } }, statusOnly: true);

        await _h.StartAgentsAsync();

        var after = await _h.WaitForPodAsync("web", p => p.Status.ContainerStatuses.Count == 1, "status rewritten by the new agent");
        Assert.Equal(before.Status.ContainerStatuses, after.Status.ContainerStatuses);
        Assert.Equal(creates, _n1.CallCount(InMemoryOperation.CreateContainer));
        Assert.Single(_n1.Sandboxes);
    }

    [Fact]
    public async Task AgentRestart_RemovesContainersOfPodsThatNoLongerExist()
    {
        await _h.StartAgentsAsync();
        _h.CreatePod(AgentHarness.NewPod("gone", "n1"));
        _h.CreatePod(AgentHarness.NewPod("kept", "n1"));
        await _h.WaitForPodAsync("gone", p => p.Status.IsReady, "ready");
        var kept = await _h.WaitForPodAsync("kept", p => p.Status.IsReady, "ready");
        await _h.StopAgentsAsync();

        _h.Store.Delete(_h.GetPod("gone")!.Key);
        await _h.StartAgentsAsync();

        await AgentHarness.WaitForAsync(() => _n1.Containers, cs => cs.All(c => c.Labels[RuntimeLabels.PodName] == "kept"), "orphans removed");
        Assert.Single(_n1.Sandboxes);
        Assert.Equal(kept.Status.ContainerStatuses[0].ContainerId, _n1.Containers.Single().Id);
        Assert.Equal(RuntimeContainerState.Running, _n1.Containers.Single().State);
    }

    [Fact]
    public async Task GetLogs_ReadsTheCurrentAndThePreviousInstance()
    {
        var agents = await _h.StartAgentsAsync();
        _h.CreatePod(AgentHarness.NewPod("web", "n1"));
        await _h.WaitForPodAsync("web", p => p.Status.IsReady, "ready");
        _n1.AppendLog("web", "web", "serving");
        _n1.CrashContainer("web", "web", 2);
        var pod = await _h.WaitForPodAsync("web", p => p.Status.IsReady && p.Status.ContainerStatuses[0].RestartCount == 1, "restarted");

        var current = await agents.GetLogsAsync(pod, null, previous: false, CancellationToken.None);
        var previous = await agents.GetLogsAsync(pod, "web", previous: true, CancellationToken.None);

        Assert.Equal("started container web (image nginx:1.27)\n", current);
        Assert.Equal("started container web (image nginx:1.27)\nserving\ncrashed (injected); exit code 2\n", previous);
    }

    [Fact]
    public async Task GetLogs_BadRequests_FailWithKubectlMessages()
    {
        var agents = await _h.StartAgentsAsync();
        _h.CreatePod(AgentHarness.NewPod("two", "n1", containers: ["web", "sidecar"]));
        var pod = await _h.WaitForPodAsync("two", p => p.Status.IsReady, "ready");

        var noName = await Assert.ThrowsAsync<OrchestrationException>(() => agents.GetLogsAsync(pod, null, false, CancellationToken.None));
        var badName = await Assert.ThrowsAsync<OrchestrationException>(() => agents.GetLogsAsync(pod, "db", false, CancellationToken.None));
        var noPrevious = await Assert.ThrowsAsync<NotFoundException>(() => agents.GetLogsAsync(pod, "web", true, CancellationToken.None));

        Assert.Equal("a container name must be specified for pod two, choose one of: [web sidecar]", noName.Message);
        Assert.Equal("container db is not valid for pod two", badName.Message);
        Assert.Equal("previous terminated container \"web\" in pod \"two\" not found", noPrevious.Message);
    }
}

using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Runtime.InMemory;

namespace Orchestration.Sdk.Tests.Runtime;

public class InMemoryNodeTests
{
    private readonly FakeTimeProvider _time = new(AgentHarness.Start);
    private readonly InMemoryCluster _cluster;
    private readonly InMemoryNode _node;

    public InMemoryNodeTests()
    {
        _cluster = new InMemoryCluster(_time);
        _node = _cluster.Add("n1", cpu: 2, memory: "4Gi");
    }

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public void Add_NewNode_RaisesNodeAddedAndIsFoundByName()
    {
        RuntimeNode? added = null;
        _cluster.NodeAdded += (_, n) => added = n;

        var n2 = _cluster.Add("n2", labels: new Dictionary<string, string> { ["zone"] = "b" }, taints: [new Taint("gpu", "true", TaintEffect.NoSchedule)], maxPods: 10);

        Assert.Same(n2, _cluster["n2"]);
        Assert.Same(n2, _cluster.GetNode("n2"));
        Assert.Same(n2, added!.Runtime);
        Assert.Equal("b", added.Labels["zone"]);
        Assert.Equal(10, added.MaxPods);
        Assert.Single(added.Taints);
        Assert.Equal(["n1", "n2"], _cluster.Nodes.Select(n => n.Name));
        Assert.Equal("10.244.1.0/24", n2.PodRange);
        Assert.Equal("172.18.0.3", n2.Address);
    }

    [Fact]
    public void Add_DuplicateOrInvalid_Throws()
    {
        Assert.Contains("already exists", Assert.Throws<ArgumentException>(() => _cluster.Add("n1")).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => _cluster.Add("n9", cpu: 0));
        Assert.Contains("\"lots\"", Assert.ThrowsAny<FormatException>(() => _cluster.Add("n9", memory: "lots")).Message, StringComparison.Ordinal);
        Assert.Throws<KeyNotFoundException>(() => _cluster.GetNode("nope"));
    }

    [Fact]
    public async Task GetInfo_ReportsCapacityAndAddress()
    {
        var info = await _node.GetInfoAsync(Ct);

        Assert.Equal(new RuntimeInfo(2000, 4L * 1024 * 1024 * 1024, "172.18.0.2", "in-memory 1.0"), info);
    }

    [Fact]
    public async Task RunPodSandbox_GivesDistinctAddressesFromTheNodeRange()
    {
        var a = await _node.RunPodSandboxAsync(Sandbox("a"), Ct);
        var b = await _node.RunPodSandboxAsync(Sandbox("b"), Ct);

        Assert.Equal("10.244.0.2", a.IPAddress);
        Assert.Equal("10.244.0.3", b.IPAddress);
        Assert.Equal([a.Id], (await _node.ListPodSandboxesAsync(new Dictionary<string, string> { [RuntimeLabels.PodName] = "a" }, Ct)).Select(s => s.Id));
    }

    [Fact]
    public async Task StartContainer_RunsUntilToldAndWritesAStartLine()
    {
        var events = Collect();
        var id = await RunAsync("web-1", "web");

        var c = await _node.InspectContainerAsync(id, Ct);
        Assert.Equal(RuntimeContainerState.Running, c!.State);
        Assert.Equal(_time.GetUtcNow(), c.StartedAt);
        Assert.Contains("started container web (image nginx:1.27)", await _node.GetLogsAsync(id, Ct), StringComparison.Ordinal);
        Assert.Equal(ContainerEventType.Started, (await events.ReadAsync(Ct)).Type);
    }

    [Fact]
    public async Task CrashContainer_ByPodAndByIdExitWithTheCodeAndEmitExited()
    {
        var events = Collect();
        var a = await RunAsync("web-1", "web");
        var b = await RunAsync("web-2", "web");
        _time.Advance(TimeSpan.FromSeconds(5));

        _node.CrashContainer("web-1", "web", exitCode: 3);
        _node.CrashContainerById(b, exitCode: 4);

        var ca = (await _node.InspectContainerAsync(a, Ct))!;
        Assert.Equal((RuntimeContainerState.Exited, 3, AgentHarness.Start.AddSeconds(5)), (ca.State, ca.ExitCode!.Value, ca.FinishedAt!.Value));
        Assert.Equal(4, (await _node.InspectContainerAsync(b, Ct))!.ExitCode);
        var exits = new List<ContainerEvent>();
        while (exits.Count < 2)
        {
            var e = await events.ReadAsync(Ct);
            if (e.Type == ContainerEventType.Exited)
            {
                exits.Add(e);
            }
        }

        Assert.Equal([(a, 3), (b, 4)], exits.Select(e => (e.ContainerId, e.ExitCode!.Value)));
        Assert.Equal("web-1", exits[0].Labels[RuntimeLabels.PodName]);
        Assert.Throws<InvalidOperationException>(() => _node.CrashContainer("web-1", "web"));
    }

    [Fact]
    public async Task OomKillContainer_ReportsOomKilledWithExitCode137()
    {
        var id = await RunAsync("web-1", "web");

        _node.OomKillContainer("default/web-1", "web");

        var c = (await _node.InspectContainerAsync(id, Ct))!;
        Assert.True(c.OomKilled);
        Assert.Equal(137, c.ExitCode);
    }

    [Fact]
    public async Task CrashImageOnStart_ExitsRightAfterEachStartUntilRestored()
    {
        _node.CrashImageOnStart("nginx:1.27", exitCode: 2);
        var crashed = await RunAsync("web-1", "web");

        _node.RestoreImage("nginx:1.27");
        var fine = await RunAsync("web-2", "web");

        var c = (await _node.InspectContainerAsync(crashed, Ct))!;
        Assert.Equal((RuntimeContainerState.Exited, 2), (c.State, c.ExitCode!.Value));
        Assert.Equal(RuntimeContainerState.Running, (await _node.InspectContainerAsync(fine, Ct))!.State);
    }

    [Fact]
    public async Task ClusterCrashImageOnStart_AppliesToEveryNode()
    {
        _cluster.CrashImageOnStart("nginx:1.27");

        var id = await RunAsync("web-1", "web");

        Assert.Equal(RuntimeContainerState.Exited, (await _node.InspectContainerAsync(id, Ct))!.State);
    }

    [Fact]
    public async Task MakeImageNotFound_CreateFailsWithErrImagePull()
    {
        _node.MakeImageNotFound("ghost:1");
        var sandbox = await _node.RunPodSandboxAsync(Sandbox("web-1"), Ct);

        var ex = await Assert.ThrowsAsync<ContainerRuntimeException>(() => _node.CreateContainerAsync(Request(sandbox.Id, "web-1", "web", "ghost:1"), Ct));

        Assert.Equal("ErrImagePull", ex.Reason);
        Assert.Equal("Failed to pull image \"ghost:1\": not found", ex.Message);
    }

    [Theory]
    [InlineData(InMemoryOperation.GetInfo)]
    [InlineData(InMemoryOperation.ListContainers)]
    [InlineData(InMemoryOperation.RunPodSandbox)]
    public async Task FailNextCalls_FailsExactlyThatManyCalls(InMemoryOperation operation)
    {
        _node.FailNextCalls(operation, count: 2, reason: "Boom", message: "injected");
        Func<Task> call = operation switch
        {
            InMemoryOperation.GetInfo => () => _node.GetInfoAsync(Ct),
            InMemoryOperation.ListContainers => () => _node.ListContainersAsync(new Dictionary<string, string>(), Ct),
            _ => () => _node.RunPodSandboxAsync(Sandbox("x"), Ct),
        };

        for (var i = 0; i < 2; i++)
        {
            var ex = await Assert.ThrowsAsync<ContainerRuntimeException>(call);
            Assert.Equal(("Boom", "injected"), (ex.Reason, ex.Message));
        }

        await call();
        Assert.Equal(3, _node.CallCount(operation));
    }

    [Fact]
    public async Task TakeDown_EveryCallThrowsRuntimeUnavailableAndTheStreamStalls_BringUpResyncs()
    {
        var id = await RunAsync("web-1", "web");
        var events = Collect();

        _node.TakeDown();
        var ex = await Assert.ThrowsAsync<ContainerRuntimeException>(() => _node.GetInfoAsync(Ct));
        await Assert.ThrowsAsync<ContainerRuntimeException>(() => _node.ListContainersAsync(new Dictionary<string, string>(), Ct));
        _node.CrashContainerById(id);
        Assert.False(events.TryRead(out _));

        _node.BringUp();

        Assert.Equal("RuntimeUnavailable", ex.Reason);
        Assert.Equal(ContainerEventType.Resync, (await events.ReadAsync(Ct)).Type);
        Assert.Single(await _node.ListContainersAsync(new Dictionary<string, string>(), Ct));
    }

    [Fact]
    public async Task BringUp_LoseContainers_ForgetsContainersAndSandboxes()
    {
        var running = await RunAsync("web-1", "web");
        _node.TakeDown();

        _node.BringUp(loseContainers: true);

        Assert.Null(await _node.InspectContainerAsync(running, Ct));
        Assert.Empty(_node.Sandboxes);
        Assert.Equal("10.244.0.3", (await _node.RunPodSandboxAsync(Sandbox("again"), Ct)).IPAddress); // round robin
    }

    [Fact]
    public async Task StopContainer_ExitsAtOnceOnSigterm()
    {
        var id = await RunAsync("web-1", "web");

        await _node.StopContainerAsync(id, TimeSpan.FromSeconds(30), Ct);

        Assert.Equal(143, (await _node.InspectContainerAsync(id, Ct))!.ExitCode);
    }

    [Fact]
    public async Task StopContainer_IgnoringSigterm_IsKilledWhenTheGracePeriodEnds()
    {
        var id = await RunAsync("web-1", "web");
        _node.IgnoreSigterm("web-1", "web");

        var stop = _node.StopContainerAsync(id, TimeSpan.FromSeconds(30), Ct);
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(stop.IsCompleted);
        Assert.Equal(RuntimeContainerState.Running, (await _node.InspectContainerAsync(id, Ct))!.State);
        _time.Advance(TimeSpan.FromSeconds(1));
        await stop.WaitAsync(TimeSpan.FromSeconds(5), Ct);

        var c = (await _node.InspectContainerAsync(id, Ct))!;
        Assert.Equal((137, AgentHarness.Start.AddSeconds(30)), (c.ExitCode!.Value, c.FinishedAt!.Value));
        Assert.Contains("received SIGTERM; ignoring it", _node.GetOutput(id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppendLog_AddsToTheNewestInstanceOutput()
    {
        var id = await RunAsync("web-1", "web");

        _node.AppendLog("web-1", "web", "hello");
        _node.AppendLogById(id, "world\n");

        Assert.EndsWith("hello\nworld\n", await _node.GetLogsAsync(id, Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FollowLogs_YieldsTheOutputThenEachWriteAndEndsWhenTheInstanceExits()
    {
        var id = await RunAsync("web-1", "web");
        _node.AppendLog("web-1", "web", "before");
        await using var follow = _node.FollowLogsAsync(id, Ct).GetAsyncEnumerator();

        Assert.True(await follow.MoveNextAsync());
        Assert.EndsWith("before\n", follow.Current, StringComparison.Ordinal);
        var next = follow.MoveNextAsync();
        Assert.False(next.IsCompleted); // nothing new yet: the follower waits
        _node.AppendLog("web-1", "web", "after");
        Assert.True(await next);
        Assert.Equal("after\n", follow.Current);

        await _node.StopContainerAsync(id, TimeSpan.FromSeconds(30), Ct);
        var rest = new List<string>();
        while (await follow.MoveNextAsync())
        {
            rest.Add(follow.Current);
        }

        Assert.Contains("exit code", string.Concat(rest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FollowLogs_Cancelled_EndsQuietly()
    {
        var id = await RunAsync("web-1", "web");
        using var cancel = new CancellationTokenSource();
        await using var follow = _node.FollowLogsAsync(id, cancel.Token).GetAsyncEnumerator();
        Assert.True(await follow.MoveNextAsync());

        var next = follow.MoveNextAsync();
        await cancel.CancelAsync();

        Assert.False(await next);
    }

    [Fact]
    public async Task RemovePodSandbox_RemovesItsContainersAndFreesTheAddress()
    {
        var id = await RunAsync("web-1", "web");
        var sandbox = _node.Sandboxes.Single();

        await _node.RemovePodSandboxAsync(sandbox.Id, Ct);

        Assert.Null(await _node.InspectContainerAsync(id, Ct));
        Assert.Empty(_node.Sandboxes);
    }

    private static PodSandboxRequest Sandbox(string pod) => new()
    {
        PodUid = pod + "-uid",
        PodName = pod,
        Namespace = "default",
        Labels = new Dictionary<string, string> { [RuntimeLabels.PodName] = pod, [RuntimeLabels.PodUid] = pod + "-uid" },
    };

    private static ContainerCreateRequest Request(string sandboxId, string pod, string container, string image = "nginx:1.27") => new()
    {
        SandboxId = sandboxId,
        Name = container,
        Image = image,
        Labels = new Dictionary<string, string>
        {
            [RuntimeLabels.PodName] = pod,
            [RuntimeLabels.PodNamespace] = "default",
            [RuntimeLabels.ContainerName] = container,
        },
    };

    private async Task<string> RunAsync(string pod, string container)
    {
        var sandbox = await _node.RunPodSandboxAsync(Sandbox(pod), Ct);
        var id = await _node.CreateContainerAsync(Request(sandbox.Id, pod, container), Ct);
        await _node.StartContainerAsync(id, Ct);
        return id;
    }

    private System.Threading.Channels.ChannelReader<ContainerEvent> Collect()
    {
        var channel = System.Threading.Channels.Channel.CreateUnbounded<ContainerEvent>();
        var enumerator = _node.WatchEventsAsync(Ct).GetAsyncEnumerator(Ct);
        var first = enumerator.MoveNextAsync(); // subscribes now
        _ = Task.Run(async () =>
        {
            var next = first;
            while (await next)
            {
                channel.Writer.TryWrite(enumerator.Current);
                next = enumerator.MoveNextAsync();
            }
        });
        return channel.Reader;
    }
}

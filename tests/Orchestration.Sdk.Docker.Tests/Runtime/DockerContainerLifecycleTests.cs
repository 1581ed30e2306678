using System.Diagnostics;
using Orchestration.Sdk.Docker.Tests.Support;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker.Tests.Runtime;

public sealed class DockerContainerLifecycleTests
{
    [DockerFact]
    public async Task WatchEvents_ContainerExits_ReportsStartAndExitWithCodeAndLabels()
    {
        await using var test = await DockerTestRuntime.CreateAsync();
        await using var events = new EventCollector(test.Runtime);
        var sandbox = await test.RunSandboxAsync("job");

        var id = await test.RunAsync(sandbox, "task", "exit 3");

        var started = await events.WaitForAsync(e => e.ContainerId == id && e.Type == ContainerEventType.Started);
        var exited = await events.WaitForAsync(e => e.ContainerId == id && e.Type == ContainerEventType.Exited);
        Assert.Equal(3, exited.ExitCode);
        Assert.Null(started.ExitCode);
        Assert.Equal("task", exited.Labels[RuntimeLabels.ContainerName]);
        Assert.Equal(sandbox.Labels[RuntimeLabels.PodUid], exited.Labels[RuntimeLabels.PodUid]);
        Assert.False(exited.Labels.ContainsKey("exitCode"));
        var inspected = await test.Runtime.InspectContainerAsync(id, CancellationToken.None);
        Assert.Equal(RuntimeContainerState.Exited, inspected?.State);
        Assert.Equal(3, inspected?.ExitCode);
        Assert.NotNull(inspected?.FinishedAt);

        await test.Runtime.RemoveContainerAsync(id, CancellationToken.None);
        await events.WaitForAsync(e => e.ContainerId == id && e.Type == ContainerEventType.Removed);
        Assert.Null(await test.Runtime.InspectContainerAsync(id, CancellationToken.None));
        await test.Runtime.RemoveContainerAsync(id, CancellationToken.None);
    }

    [DockerFact]
    public async Task StopContainer_ProcessTrapsTerm_ExitsThroughTermBeforeGrace()
    {
        await using var test = await DockerTestRuntime.CreateAsync();
        var sandbox = await test.RunSandboxAsync("graceful");
        var id = await test.RunAsync(sandbox, "app", "trap 'echo terminating; exit 0' TERM", "echo ready", "while :; do sleep 1 & wait; done");
        await WaitForLogAsync(test, id, "ready");

        var clock = Stopwatch.StartNew();
        await test.Runtime.StopContainerAsync(id, TimeSpan.FromSeconds(20), CancellationToken.None);

        var stopped = await test.Runtime.InspectContainerAsync(id, CancellationToken.None);
        Assert.Equal(0, stopped?.ExitCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Contains("terminating", await test.Runtime.GetLogsAsync(id, CancellationToken.None));
    }

    [DockerFact]
    public async Task StopContainer_ProcessIgnoresTerm_KilledAfterGracePeriod()
    {
        await using var test = await DockerTestRuntime.CreateAsync();
        var sandbox = await test.RunSandboxAsync("stubborn");
        var id = await test.RunAsync(sandbox, "app", "trap '' TERM", "echo ready", "while :; do sleep 1; done");
        await WaitForLogAsync(test, id, "ready");

        var clock = Stopwatch.StartNew();
        await test.Runtime.StopContainerAsync(id, TimeSpan.FromSeconds(2), CancellationToken.None);

        var stopped = await test.Runtime.InspectContainerAsync(id, CancellationToken.None);
        Assert.Equal(137, stopped?.ExitCode);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.5), $"killed after {clock.Elapsed}, before the grace period");
        await test.Runtime.StopContainerAsync(id, TimeSpan.FromSeconds(2), CancellationToken.None);
    }

    [DockerFact]
    public async Task GetLogs_StdoutAndStderr_ReadsBothDemultiplexed()
    {
        await using var test = await DockerTestRuntime.CreateAsync();
        var sandbox = await test.RunSandboxAsync("chatty");
        var id = await test.RunAsync(sandbox, "app", "echo to-stdout", "echo to-stderr >&2", "echo héllo");
        await test.WaitForExitAsync(id);

        var logs = await test.Runtime.GetLogsAsync(id, CancellationToken.None);

        // The engine keeps each stream's order; across the two streams, arrival order may differ.
        var lines = logs.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["héllo", "to-stderr", "to-stdout"], lines.Order(StringComparer.Ordinal));
        Assert.True(Array.IndexOf(lines, "to-stdout") < Array.IndexOf(lines, "héllo"), logs);
    }

    [DockerFact]
    public async Task GetLogs_MissingContainer_ThrowsNotFound()
    {
        await using var test = await DockerTestRuntime.CreateAsync();

        var error = await Assert.ThrowsAsync<ContainerRuntimeException>(() => test.Runtime.GetLogsAsync("no-such-container", CancellationToken.None));

        Assert.Equal("NotFound", error.Reason);
    }

    [DockerFact]
    public async Task ListContainers_ByLabel_ReturnsMatchingAppContainersWithoutSandboxes()
    {
        await using var test = await DockerTestRuntime.CreateAsync();
        var first = await test.RunSandboxAsync("first");
        var second = await test.RunSandboxAsync("second");
        var a = await test.RunAsync(first, "app", "exec sleep 600");
        var b = await test.RunAsync(second, "app", "exit 7");
        await test.WaitForExitAsync(b);

        var byPod = await test.Runtime.ListContainersAsync(
            new Dictionary<string, string> { [RuntimeLabels.PodUid] = first.Labels[RuntimeLabels.PodUid] }, CancellationToken.None);
        var byApp = await test.Runtime.ListContainersAsync(
            new Dictionary<string, string> { [RuntimeLabels.App] = test.AppName }, CancellationToken.None);

        Assert.Equal(a, Assert.Single(byPod).Id);
        Assert.Equal(byApp.Select(c => c.Id).Order(), new[] { a, b }.Order());
        var exited = byApp.Single(c => c.Id == b);
        Assert.Equal((RuntimeContainerState.Exited, 7), (exited.State, exited.ExitCode));
        Assert.Equal(RuntimeContainerState.Running, byApp.Single(c => c.Id == a).State);
    }

    [DockerFact]
    public async Task CreateContainer_SameNameTwice_ReplacesTheEarlierInstance()
    {
        await using var test = await DockerTestRuntime.CreateAsync();
        var sandbox = await test.RunSandboxAsync("retry");
        var request = test.Request(sandbox, "app", "exec sleep 600");
        var first = await test.Runtime.CreateContainerAsync(request, CancellationToken.None);

        var second = await test.Runtime.CreateContainerAsync(request, CancellationToken.None);

        Assert.NotEqual(first, second);
        Assert.Null(await test.Runtime.InspectContainerAsync(first, CancellationToken.None));
        Assert.Equal(RuntimeContainerState.Created, (await test.Runtime.InspectContainerAsync(second, CancellationToken.None))?.State);
    }

    // The script prints after it has set its trap.
    private static Task WaitForLogAsync(DockerTestRuntime test, string id, string text) =>
        Poll.UntilAsync(
            $"container {id} runs and has logged '{text}'",
            async () => (await test.Runtime.InspectContainerAsync(id, CancellationToken.None))?.State == RuntimeContainerState.Running
                && (await test.Runtime.GetLogsAsync(id, CancellationToken.None)).Contains(text, StringComparison.Ordinal),
            TimeSpan.FromSeconds(10),
            TimeSpan.FromMilliseconds(50));
}

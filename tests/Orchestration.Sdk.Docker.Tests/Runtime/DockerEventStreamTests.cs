using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Docker.Tests.Support;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker.Tests.Runtime;

public sealed class DockerEventStreamTests
{
    [DockerFact]
    public async Task WatchEvents_StreamBrokenWhileContainerExits_ResyncsAndTheExitIsObserved()
    {
        // Fake time holds the reconnect back, so the exit certainly happens while no stream is open.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var test = await DockerTestRuntime.CreateAsync(time: time);
        await using var events = new EventCollector(test.Runtime);
        var sandbox = await test.RunSandboxAsync("victim");
        var id = await test.RunAsync(sandbox, "app", "exec sleep 600");
        await events.WaitForAsync(e => e.ContainerId == id && e.Type == ContainerEventType.Started);

        test.Runtime.Events.BreakStreams();
        await WaitUntilAsync(() => test.Runtime.Events.ReconnectWaits >= 1);
        await test.Runtime.Client.Containers.KillContainerAsync(id, new() { Signal = "KILL" }, CancellationToken.None);
        var dead = await test.WaitForExitAsync(id);
        Assert.DoesNotContain(events.Events, e => e.ContainerId == id && e.Type == ContainerEventType.Exited);

        time.Advance(TimeSpan.FromSeconds(1));

        await events.WaitForAsync(e => e.Type == ContainerEventType.Resync);
        var relisted = await test.Runtime.ListContainersAsync(
            new Dictionary<string, string> { [RuntimeLabels.App] = test.AppName }, CancellationToken.None);
        var seen = Assert.Single(relisted);
        Assert.Equal((id, RuntimeContainerState.Exited, 137), (seen.Id, seen.State, seen.ExitCode));
        Assert.Equal(137, dead.ExitCode);

        // The engine still held the exit, so the reconnected stream replays it too.
        var replayed = await events.WaitForAsync(e => e.ContainerId == id && e.Type == ContainerEventType.Exited);
        Assert.Equal(137, replayed.ExitCode);
        Assert.Single(events.Events, e => e.ContainerId == id && e.Type == ContainerEventType.Started);
    }

    [DockerFact]
    public async Task WatchEvents_RuntimeDisposed_StreamEnds()
    {
        var test = await DockerTestRuntime.CreateAsync();
        var enumerator = test.Runtime.WatchEventsAsync(CancellationToken.None).GetAsyncEnumerator();
        var next = enumerator.MoveNextAsync().AsTask();

        await test.DisposeAsync();

        Assert.False(await next.WaitAsync(TimeSpan.FromSeconds(10)));
        await enumerator.DisposeAsync();
    }

    private static Task WaitUntilAsync(Func<bool> condition) =>
        Poll.UntilAsync("the condition holds", () => Task.FromResult(condition()), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(20));
}

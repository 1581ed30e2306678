using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Controllers.Engine;

namespace Orchestration.Sdk.Tests.Controllers;

public class WorkQueueTests
{
    private static readonly CancellationToken Ct = new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token;

    [Fact]
    public async Task Add_SameKeyTwiceBeforeGet_IsProcessedOnce()
    {
        using var q = new WorkQueue<string>(new FakeTimeProvider(), TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000));
        q.Add("a");
        q.Add("a");
        q.Add("b");

        Assert.Equal("a", (await q.GetAsync(Ct)).Key);
        Assert.Equal("b", (await q.GetAsync(Ct)).Key);
        Assert.Equal(0, q.Count);
    }

    [Fact]
    public async Task Add_WhileProcessing_IsRequeuedAfterDoneNotHandedOutTwice()
    {
        using var q = new WorkQueue<string>(new FakeTimeProvider(), TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000));
        q.Add("a");
        var (_, key) = await q.GetAsync(Ct);
        q.Add("a");

        var second = q.GetAsync(Ct).AsTask();
        await Task.Yield();
        Assert.False(second.IsCompleted);

        q.Done(key);
        Assert.Equal("a", (await second).Key);
    }

    [Fact]
    public async Task AddRateLimited_DoublesPerFailureUpToMaxAndForgetResets()
    {
        var time = new FakeTimeProvider();
        using var q = new WorkQueue<string>(time, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(30));

        var delays = Enumerable.Range(0, 5).Select(_ => q.AddRateLimited("k").TotalMilliseconds).ToList();
        Assert.Equal([5, 10, 20, 30, 30], delays);

        q.Forget("k");
        Assert.Equal(5, q.AddRateLimited("k").TotalMilliseconds);

        var next = q.GetAsync(Ct).AsTask();
        time.Advance(TimeSpan.FromMilliseconds(4));
        await Task.Yield();
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal("k", (await next).Key);
    }

    [Fact]
    public async Task AddAfter_FiresOnlyWhenTheClockReachesTheDelay()
    {
        var time = new FakeTimeProvider();
        using var q = new WorkQueue<string>(time, TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1));
        q.AddAfter("k", TimeSpan.FromSeconds(30));

        var next = q.GetAsync(Ct).AsTask();
        time.Advance(TimeSpan.FromSeconds(29));
        await Task.Yield();
        Assert.False(next.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("k", (await next).Key);
    }

    [Fact]
    public async Task ShutDown_EndsWaitingGetters()
    {
        using var q = new WorkQueue<string>(new FakeTimeProvider(), TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1));
        var next = q.GetAsync(Ct).AsTask();

        q.ShutDown();

        Assert.False((await next).Ok);
    }
}

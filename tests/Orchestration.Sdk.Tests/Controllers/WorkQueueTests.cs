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
    public async Task AddAt_FiresWhenTheClockReachesTheInstant_AndAtOnceForAPastOne()
    {
        var time = new FakeTimeProvider();
        using var q = new WorkQueue<string>(time, TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1));
        q.AddAt("later", time.GetUtcNow().AddMinutes(1));
        q.AddAt("past", time.GetUtcNow().AddMinutes(-1));

        Assert.Equal("past", (await q.GetAsync(Ct)).Key);
        var next = q.GetAsync(Ct).AsTask();
        time.Advance(TimeSpan.FromSeconds(59));
        await Task.Yield();
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("later", (await next).Key);
    }

    [Fact]
    public async Task AddAt_ClockPassesTheInstantWhileTheTimerIsArmed_KeyIsAddedAtOnce()
    {
        // The race a controller hits on a fake clock: it computed a due time, then a test advanced the clock past it
        // before the queue armed its timer with the older delay. A delay-based AddAfter would then wait a period too long.
        var time = new AdvancingWhileArming(TimeSpan.FromHours(1));
        using var q = new WorkQueue<string>(time, TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1));

        q.AddAt("k", time.GetUtcNow().AddMinutes(30));

        var next = q.GetAsync(Ct).AsTask();
        await Task.Yield();
        Assert.True(next.IsCompleted, "the key waits for a timer although its instant has passed");
        Assert.Equal("k", (await next).Key);
    }

    [Fact]
    public async Task AddAfter_TimerFiresBeforeCreateTimerReturns_KeyIsNotLost()
    {
        // A clock advanced on another thread can fire a timer at the instant it is created; the queue must still
        // recognise it as the key's pending add (it once compared against a timer reference not yet assigned).
        using var q = new WorkQueue<string>(new FiringWhileArming(), TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1));

        q.AddAfter("k", TimeSpan.FromSeconds(30));

        var next = q.GetAsync(Ct).AsTask();
        await Task.Yield();
        Assert.True(next.IsCompleted, "the fired add was dropped");
        Assert.False(q.IsScheduled("k"));
    }

    [Fact]
    public async Task ShutDown_EndsWaitingGetters()
    {
        using var q = new WorkQueue<string>(new FakeTimeProvider(), TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1));
        var next = q.GetAsync(Ct).AsTask();

        q.ShutDown();

        Assert.False((await next).Ok);
    }

    /// <summary>A fake clock that moves on by <c>jump</c> whenever a timer is created (after reading the delay).</summary>
    private sealed class AdvancingWhileArming(TimeSpan jump) : FakeTimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Advance(jump);
            return base.CreateTimer(callback, state, dueTime, period);
        }
    }

    /// <summary>A clock whose timers fire once, synchronously, while CreateTimer runs (as another thread's advance may).</summary>
    private sealed class FiringWhileArming : FakeTimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            callback(state);
            return base.CreateTimer(static _ => { }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }
}

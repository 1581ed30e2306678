using Microsoft.Extensions.Time.Testing;

namespace Orchestration.Sdk.Tests.Fixtures;

/// <summary>
/// A fake clock that remembers when each timer it creates is due, so a test can wait until a component has armed the
/// timer it is about to fire instead of advancing the clock before the timer exists (a reconcile finishes, then the
/// work queue arms its requeue: a test that advances in between moves the clock past a timer that is not there yet).
/// </summary>
internal sealed class ArmingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _gate = new();
    private readonly List<DateTimeOffset> _due = [];

    /// <summary>True when a timer was created that is due at <paramref name="at"/> (to the millisecond).</summary>
    public bool Armed(DateTimeOffset at)
    {
        lock (_gate)
        {
            return _due.Exists(d => Math.Abs((d - at).TotalMilliseconds) < 1);
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_gate)
            {
                _due.Add(GetUtcNow() + dueTime);
            }
        }

        return base.CreateTimer(callback, state, dueTime, period);
    }
}

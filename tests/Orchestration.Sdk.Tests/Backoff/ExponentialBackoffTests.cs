using Orchestration.Sdk.Backoff;

namespace Orchestration.Sdk.Tests.Backoff;

public class ExponentialBackoffTests
{
    // initial ms, max ms, factor, attempt, expected ms
    public static TheoryData<double, double, double, int, double> Delays => new()
    {
        { 10_000, 300_000, 2, 0, 0 },          // nothing failed yet
        { 10_000, 300_000, 2, -3, 0 },
        { 10_000, 300_000, 2, 1, 10_000 },     // CrashLoopBackOff: 10 s, 20 s, 40 s … capped at 300 s
        { 10_000, 300_000, 2, 2, 20_000 },
        { 10_000, 300_000, 2, 5, 160_000 },
        { 10_000, 300_000, 2, 6, 300_000 },
        { 10_000, 300_000, 2, 7, 300_000 },
        { 10_000, 300_000, 2, int.MaxValue, 300_000 }, // no overflow
        { 5, 1_000_000, 2, 1, 5 },             // the work queue's 5 ms base
        { 5, 1_000_000, 2, 4, 40 },
        { 100, 10_000, 3, 3, 900 },            // another factor
        { 100, 10_000, 1, 50, 100 },           // factor 1: constant
        { 0, 10_000, 2, 9, 0 },                // zero initial stays zero
        { 200, double.MaxValue, 2, 3, 800 },   // effectively uncapped
    };

    [Theory]
    [MemberData(nameof(Delays))]
    public void Delay_Attempt_IsInitialTimesFactorPowerCapped(double initialMs, double maxMs, double factor, int attempt, double expectedMs)
    {
        var max = maxMs == double.MaxValue ? TimeSpan.MaxValue : TimeSpan.FromMilliseconds(maxMs);
        var backoff = new ExponentialBackoff(TimeSpan.FromMilliseconds(initialMs), max, factor);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), backoff.Delay(attempt));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void Delay_WithJitter_StaysBetweenDelayAndDelayPlusJitterFraction(int attempt)
    {
        var plain = new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        var jittered = new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10), jitter: 0.5, random: new Random(42));

        var seen = Enumerable.Range(0, 50).Select(_ => jittered.Delay(attempt)).ToList();

        var floor = plain.Delay(attempt);
        Assert.All(seen, d => Assert.InRange(d, floor, floor * 1.5));
        Assert.True(seen.Distinct().Count() > 1, "jitter varies the delays");
    }

    [Fact]
    public void Delay_SameSeed_GivesTheSameSequence()
    {
        var a = new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), jitter: 1, random: new Random(7));
        var b = new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), jitter: 1, random: new Random(7));

        Assert.Equal(Enumerable.Range(1, 6).Select(a.Delay), Enumerable.Range(1, 6).Select(b.Delay));
    }

    [Fact]
    public void Delay_WithJitterAtTheCap_NeverExceedsMaximum()
    {
        var backoff = new ExponentialBackoff(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15), jitter: 1, random: new Random(1));

        Assert.All(Enumerable.Range(1, 20).Select(backoff.Delay), d => Assert.True(d <= TimeSpan.FromSeconds(15), $"{d} exceeds the maximum"));
        Assert.Equal(TimeSpan.FromSeconds(15), backoff.Delay(3));
    }

    [Fact]
    public void Constructor_Defaults_AreFactorTwoAndNoJitter()
    {
        var backoff = new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8));

        Assert.Equal(2, backoff.Factor);
        Assert.Equal(0, backoff.Jitter);
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.Initial);
        Assert.Equal(TimeSpan.FromSeconds(8), backoff.Maximum);
    }

    public static TheoryData<double, double, double, double, string> Invalid => new()
    {
        { -1, 10, 2, 0, "initial" },
        { 10, 5, 2, 0, "maximum" },
        { 1, 10, 0.5, 0, "factor" },
        { 1, 10, double.NaN, 0, "factor" },
        { 1, 10, double.PositiveInfinity, 0, "factor" },
        { 1, 10, 2, -0.1, "jitter" },
        { 1, 10, 2, 1.5, "jitter" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Constructor_BrokenRule_ThrowsNamingTheArgument(double initialMs, double maxMs, double factor, double jitter, string parameter)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new ExponentialBackoff(TimeSpan.FromMilliseconds(initialMs), TimeSpan.FromMilliseconds(maxMs), factor, jitter));

        Assert.Equal(parameter, ex.ParamName);
    }
}

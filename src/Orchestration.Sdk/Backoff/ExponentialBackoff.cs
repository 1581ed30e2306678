namespace Orchestration.Sdk.Backoff;

/// <summary>
/// Delays that grow exponentially, as client-go's <c>wait.Backoff</c> and the kubelet's <c>flowcontrol.Backoff</c>:
/// the first attempt waits <see cref="Initial"/>, each further attempt <see cref="Factor"/> times longer, never longer
/// than <see cref="Maximum"/>. With <see cref="Jitter"/> each delay is stretched by a random fraction of itself (up to
/// <c>Jitter</c> × delay, still capped at <see cref="Maximum"/>) so that many callers failing together do not retry in step.
/// The instance holds no per-attempt state and is safe to share between threads; callers count their own attempts
/// (see <c>CrashLoopBackoff</c> or the controllers' work queue). Written here rather than taken from Polly because the
/// callers need only the delay arithmetic on their own timers, not a resilience pipeline.
/// </summary>
public sealed class ExponentialBackoff
{
    private readonly Random? _random;

    /// <summary>Creates a backoff.</summary>
    /// <param name="initial">The first attempt's delay; zero or more.</param>
    /// <param name="maximum">The longest delay; at least <paramref name="initial"/>.</param>
    /// <param name="factor">How much longer each attempt waits than the one before; 1 or more. <value>The default value is 2.</value></param>
    /// <param name="jitter">The fraction (0 to 1) of a delay added at random. <value>The default value is 0 (no jitter).</value></param>
    /// <param name="random">The jitter's source, injected so tests can seed it. <value>The default value is null (<see cref="Random.Shared"/>).</value></param>
    /// <exception cref="ArgumentOutOfRangeException">An argument breaks its rule; the message names it.</exception>
    public ExponentialBackoff(TimeSpan initial, TimeSpan maximum, double factor = 2, double jitter = 0, Random? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(initial, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximum, initial);
        if (!(factor >= 1) || double.IsInfinity(factor))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "factor must be a finite number of at least 1");
        }

        if (!(jitter is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(jitter), jitter, "jitter must be between 0 and 1");
        }

        Initial = initial;
        Maximum = maximum;
        Factor = factor;
        Jitter = jitter;
        _random = random;
    }

    /// <summary>The first attempt's delay.</summary>
    public TimeSpan Initial { get; }

    /// <summary>The longest delay any attempt gets.</summary>
    public TimeSpan Maximum { get; }

    /// <summary>How much longer each attempt waits than the one before. <value>The default value is 2.</value></summary>
    public double Factor { get; }

    /// <summary>The fraction of a delay added at random. <value>The default value is 0 (no jitter).</value></summary>
    public double Jitter { get; }

    /// <summary>
    /// The delay before attempt number <paramref name="attempt"/> (1 for the first retry): <see cref="Initial"/> ×
    /// <see cref="Factor"/>^(attempt − 1), plus jitter, capped at <see cref="Maximum"/>. Zero for attempt 0 or less
    /// (nothing has failed yet). Never overflows, however large the attempt.
    /// </summary>
    /// <param name="attempt">The attempt's number, counting from 1.</param>
    /// <returns>The delay.</returns>
    public TimeSpan Delay(int attempt)
    {
        if (attempt <= 0)
        {
            return TimeSpan.Zero;
        }

        var ticks = Initial.Ticks * Math.Pow(Factor, attempt - 1);
        if (Jitter > 0 && ticks < Maximum.Ticks)
        {
            ticks += ticks * Jitter * NextDouble();
        }

        return ticks >= Maximum.Ticks ? Maximum : TimeSpan.FromTicks((long)ticks);
    }

    private double NextDouble()
    {
        if (_random is null)
        {
            return Random.Shared.NextDouble();
        }

        lock (_random)
        {
            return _random.NextDouble();
        }
    }
}

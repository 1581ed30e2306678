namespace Orchestration.Sdk.Benchmarks.Scheduling;

/// <summary>What one scheduling round measured.</summary>
internal sealed record RoundResult(
    TimeSpan Wall,
    TimeSpan Creating,
    double[] AttemptSeconds,
    int Unbound,
    int MaxPodsPerNode,
    long AllocatedBytes,
    int Gen0,
    int Gen1,
    int Gen2)
{
    /// <summary>The attempt duration at quantile <paramref name="q"/> (0..1), in seconds.</summary>
    public double Percentile(double q)
    {
        if (AttemptSeconds.Length == 0)
        {
            return double.NaN;
        }

        var sorted = AttemptSeconds.Order().ToArray();
        var index = (int)Math.Ceiling(q * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }
}

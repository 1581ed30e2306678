namespace Orchestration.Sdk.Autoscaling;

/// <summary>
/// A custom metric's reading: either one value per pod (by pod name; pods left out count as missing metrics, as in
/// Kubernetes) or one total for the whole deployment (a queue's length).
/// </summary>
public sealed record MetricSample
{
    private MetricSample(IReadOnlyDictionary<string, decimal>? perPod, decimal? total)
    {
        PerPod = perPod;
        Total = total;
    }

    /// <summary>Values by pod name, or null when the sample is a total.</summary>
    public IReadOnlyDictionary<string, decimal>? PerPod { get; }

    /// <summary>The total, or null when the sample is per pod.</summary>
    public decimal? Total { get; }

    /// <summary>A value per pod.</summary>
    /// <param name="values">Values by pod name.</param>
    public static MetricSample ForPods(IReadOnlyDictionary<string, decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new(values, null);
    }

    /// <summary>One value for the whole deployment.</summary>
    /// <param name="total">The total.</param>
    public static MetricSample ForTotal(decimal total) => new(null, total);
}

using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Autoscaling;

/// <summary>The target value of a metric.</summary>
/// <param name="Type">How the metric is compared.</param>
/// <param name="AverageUtilization">For <see cref="MetricTargetType.Utilization"/>: percent of the pods' requests.</param>
/// <param name="AverageValue">For <see cref="MetricTargetType.AverageValue"/>: the value per pod ("512Mi", "5").</param>
/// <param name="Value">For <see cref="MetricTargetType.Value"/>: the total value.</param>
public sealed record MetricTarget(MetricTargetType Type, int? AverageUtilization = null, Quantity? AverageValue = null, Quantity? Value = null)
{
    /// <summary>A utilization target in percent of requests.</summary>
    /// <param name="percent">The percentage.</param>
    public static MetricTarget Utilization(int percent) => new(MetricTargetType.Utilization, AverageUtilization: percent);

    /// <summary>An average value per pod.</summary>
    /// <param name="value">The value per pod.</param>
    public static MetricTarget Average(Quantity value) => new(MetricTargetType.AverageValue, AverageValue: value);

    /// <summary>A total value.</summary>
    /// <param name="value">The total.</param>
    public static MetricTarget Total(Quantity value) => new(MetricTargetType.Value, Value: value);
}

namespace Orchestration.Sdk.Autoscaling;

/// <summary>One metric's outcome in a sync: a recommendation, or the reason it could not be computed.</summary>
/// <param name="Spec">The metric.</param>
/// <param name="Recommendation">The recommendation, when computed.</param>
/// <param name="ErrorReason">A one-word failure reason (FailedGetResourceMetric …), when not.</param>
/// <param name="Error">What went wrong, when not.</param>
internal sealed record MetricResult(MetricSpec Spec, MetricRecommendation? Recommendation, string? ErrorReason = null, string? Error = null)
{
    /// <summary>How Kubernetes names the metric in its ValidMetricFound message.</summary>
    public string Description => Spec.Type == MetricSourceType.Resource
        ? Spec.Target.Type == MetricTargetType.Utilization ? $"{Spec.Name} resource utilization (percentage of request)" : $"{Spec.Name} resource"
        : Spec.Target.Type == MetricTargetType.Value ? $"external metric {Spec.Name}" : $"pods metric {Spec.Name}";

    /// <summary>The observed value against the target, for decision reasons: <c>cpu 140% of target 70%</c>.</summary>
    public string Summary
    {
        get
        {
            if (Recommendation is not { } r)
            {
                return $"{Spec.Name} unavailable";
            }

            return Spec.Target.Type switch
            {
                MetricTargetType.Utilization => $"{Spec.Name} {r.Utilization}% of target {Spec.Target.AverageUtilization}%",
                MetricTargetType.AverageValue when r.IsTotal => $"{Spec.Name} {Format(r.Value)} in total for target {Spec.Target.AverageValue} per pod",
                MetricTargetType.AverageValue => $"{Spec.Name} {Format(r.Value)} per pod of target {Spec.Target.AverageValue}",
                _ => $"{Spec.Name} {Format(r.Value)} of target {Spec.Target.Value}",
            };
        }
    }

    private string Format(decimal value) => Spec.Name == MetricSpec.Memory
        ? Model.Quantity.FromBytes((long)decimal.Ceiling(value)).ToString()
        : Model.Quantity.FromDecimal(decimal.Round(value, 3)).ToString();
}

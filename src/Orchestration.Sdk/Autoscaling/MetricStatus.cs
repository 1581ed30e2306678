namespace Orchestration.Sdk.Autoscaling;

/// <summary>The last observed value of one metric.</summary>
/// <param name="Name">The metric's name.</param>
/// <param name="AverageUtilization">The average utilization in percent of requests, for utilization targets.</param>
/// <param name="Value">The observed value: the average per pod, or the total for <see cref="MetricTargetType.Value"/> targets.</param>
public sealed record MetricStatus(string Name, int? AverageUtilization, decimal Value);

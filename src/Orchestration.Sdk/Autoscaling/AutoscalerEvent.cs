namespace Orchestration.Sdk.Autoscaling;

/// <summary>One recorded decision of an autoscaler, as a Kubernetes Event.</summary>
/// <param name="Time">When it happened.</param>
/// <param name="Namespace">The autoscaler's namespace.</param>
/// <param name="Autoscaler">The autoscaler's name.</param>
/// <param name="Type">"Normal" or "Warning".</param>
/// <param name="Reason">A one-word reason: SuccessfulRescale, FailedGetResourceMetric, FailedGetCustomMetric, FailedRescale …</param>
/// <param name="Message">What happened ("scaled web from 3 to 6: cpu 140% of target 70%").</param>
public sealed record AutoscalerEvent(DateTimeOffset Time, string Namespace, string Autoscaler, string Type, string Reason, string Message);

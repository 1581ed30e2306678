using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Autoscaling;

/// <summary>What a custom metric is read for.</summary>
/// <param name="Autoscaler">The autoscaler asking.</param>
/// <param name="Deployment">The deployment it scales.</param>
/// <param name="Pods">The deployment's pods (not terminating).</param>
public sealed record MetricContext(HorizontalPodAutoscaler Autoscaler, Deployment Deployment, IReadOnlyList<Pod> Pods);

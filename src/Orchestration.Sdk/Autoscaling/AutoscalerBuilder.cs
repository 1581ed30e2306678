using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Autoscaling;

/// <summary>
/// Declares a <see cref="HorizontalPodAutoscaler"/>. Defaults: the deployment of the same name, 1 to
/// <c>max</c> replicas, Kubernetes' default behavior. At least one metric is required. Created by
/// <see cref="AppDeclaration.AddAutoscaler(string)"/>.
/// </summary>
public sealed class AutoscalerBuilder : IResourceBuilder
{
    private readonly List<MetricSpec> _metrics = [];
    private string _target;
    private int _min = 1;
    private int _max;
    private HorizontalPodAutoscalerBehavior _behavior = new();

    internal AutoscalerBuilder(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        _target = name;
    }

    /// <summary>The autoscaler's name.</summary>
    public string Name { get; }

    string IResourceBuilder.Kind => HorizontalPodAutoscaler.KindName;

    /// <summary>Sets the deployment to scale. <value>The default value is the deployment named as the autoscaler.</value></summary>
    /// <param name="deployment">The deployment's name.</param>
    /// <returns>This builder.</returns>
    public AutoscalerBuilder Scaling(string deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        _target = deployment;
        return this;
    }

    /// <summary>Sets the deployment to scale.</summary>
    /// <param name="deployment">The deployment's builder.</param>
    /// <returns>This builder.</returns>
    public AutoscalerBuilder Scaling(DeploymentBuilder deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        _target = deployment.Name;
        return this;
    }

    /// <summary>Sets the bounds of the replica count.</summary>
    /// <param name="min">The minimum; 0 only with a custom metric. <value>The default value is 1.</value></param>
    /// <param name="max">The maximum; at least 1 and at least <paramref name="min"/>.</param>
    /// <returns>This builder.</returns>
    public AutoscalerBuilder WithReplicas(int min, int max)
    {
        _min = min;
        _max = max;
        return this;
    }

    /// <summary>Targets an average CPU utilization, in percent of the pods' CPU requests (which must be set).</summary>
    /// <param name="percent">The target percentage, for example 70.</param>
    /// <returns>This builder.</returns>
    public AutoscalerBuilder WithCpuUtilization(int percent) => WithMetric(new(MetricSourceType.Resource, MetricSpec.Cpu, MetricTarget.Utilization(percent)));

    /// <summary>Targets an average memory utilization, in percent of the pods' memory requests (which must be set).</summary>
    /// <param name="percent">The target percentage.</param>
    /// <returns>This builder.</returns>
    public AutoscalerBuilder WithMemoryUtilization(int percent) => WithMetric(new(MetricSourceType.Resource, MetricSpec.Memory, MetricTarget.Utilization(percent)));

    /// <summary>Targets an average memory usage per pod.</summary>
    /// <param name="perPod">The target per pod, for example "512Mi".</param>
    /// <returns>This builder.</returns>
    public AutoscalerBuilder WithMemoryAverage(Quantity perPod) => WithMetric(new(MetricSourceType.Resource, MetricSpec.Memory, MetricTarget.Average(perPod)));

    /// <summary>
    /// Targets a custom metric's average per pod (a per-pod sample's average, or a total divided by the pods):
    /// for example 5 queued messages per pod. The host registers the metric with <c>AddMetricSource</c>.
    /// </summary>
    /// <param name="name">The metric source's name.</param>
    /// <param name="averagePerPod">The target per pod.</param>
    /// <returns>This builder.</returns>
    public AutoscalerBuilder WithCustomMetric(string name, Quantity averagePerPod) => WithMetric(new(MetricSourceType.Custom, name, MetricTarget.Average(averagePerPod)));

    /// <summary>Targets a custom metric's total (Kubernetes' Object metric): replicas = ceil(ready pods × total / target).</summary>
    /// <param name="name">The metric source's name.</param>
    /// <param name="total">The target total.</param>
    /// <returns>This builder.</returns>
    public AutoscalerBuilder WithCustomMetricTotal(string name, Quantity total) => WithMetric(new(MetricSourceType.Custom, name, MetricTarget.Total(total)));

    /// <summary>Adds a metric.</summary>
    /// <param name="metric">The metric and its target.</param>
    /// <returns>This builder.</returns>
    public AutoscalerBuilder WithMetric(MetricSpec metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        _metrics.Add(metric);
        return this;
    }

    /// <summary>Sets the scale-up rules. <value>The default value is <see cref="ScalingRules.DefaultScaleUp"/>.</value></summary>
    /// <param name="rules">The rules.</param>
    /// <returns>This builder.</returns>
    public AutoscalerBuilder WithScaleUp(ScalingRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _behavior = _behavior with { ScaleUp = rules };
        return this;
    }

    /// <summary>Sets the scale-down rules. <value>The default value is <see cref="ScalingRules.DefaultScaleDown"/>.</value></summary>
    /// <param name="rules">The rules.</param>
    /// <returns>This builder.</returns>
    public AutoscalerBuilder WithScaleDown(ScalingRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _behavior = _behavior with { ScaleDown = rules };
        return this;
    }

    IReadOnlyList<Resource> IResourceBuilder.Build(DeclarationContext context) =>
    [
        new HorizontalPodAutoscaler
        {
            Metadata = new ObjectMeta { Name = Name, Namespace = context.Namespace },
            Spec = new HorizontalPodAutoscalerSpec
            {
                ScaleTargetName = _target,
                MinReplicas = _min,
                MaxReplicas = _max,
                Metrics = [.. _metrics],
                Behavior = _behavior,
            },
        },
    ];
}

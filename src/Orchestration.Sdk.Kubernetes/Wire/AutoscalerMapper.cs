using k8s.Models;
using Orchestration.Sdk.Autoscaling;
using static Orchestration.Sdk.Kubernetes.Wire.MetaMapper;

namespace Orchestration.Sdk.Kubernetes.Wire;

/// <summary>
/// Maps HorizontalPodAutoscalers (autoscaling/v2, and autoscaling/v1, which <c>kubectl autoscale</c> writes: one CPU
/// utilization target). The SDK scales Deployments only, so the target reference is always
/// <c>apps/v1 Deployment</c>. Behavior (v2 only) is written for a direction whose rules differ from Kubernetes'
/// defaults, and a direction left out reads as the defaults; a rule's tolerance is written only when it is not 0.1.
/// </summary>
internal static class AutoscalerMapper
{
    /// <summary>Kubernetes' tolerance of a scaling direction when none is given.</summary>
    private const double DefaultTolerance = 0.1;

    public static V2HorizontalPodAutoscaler ToWire(HorizontalPodAutoscaler h) => new()
    {
        ApiVersion = "autoscaling/v2",
        Kind = HorizontalPodAutoscaler.KindName,
        Metadata = MetaMapper.ToWire(h.Metadata, namespaced: true),
        Spec = new V2HorizontalPodAutoscalerSpec
        {
            ScaleTargetRef = new V2CrossVersionObjectReference { Kind = "Deployment", Name = h.Spec.ScaleTargetName, ApiVersion = "apps/v1" },
            MinReplicas = h.Spec.MinReplicas,
            MaxReplicas = h.Spec.MaxReplicas,
            Metrics = List(h.Spec.Metrics.Select(ToWire)),
            Behavior = ToWire(h.Spec.Behavior),
        },
        Status = new V2HorizontalPodAutoscalerStatus
        {
            ObservedGeneration = h.Status.ObservedGeneration == 0 ? null : h.Status.ObservedGeneration,
            LastScaleTime = h.Status.LastScaleTime?.UtcDateTime,
            CurrentReplicas = h.Status.CurrentReplicas,
            DesiredReplicas = h.Status.DesiredReplicas,
            CurrentMetrics = List(h.Status.CurrentMetrics.Select(m => new V2MetricStatus
            {
                Type = "Resource",
                Resource = new V2ResourceMetricStatus
                {
                    Name = m.Name,
                    Current = new V2MetricValueStatus { AverageUtilization = m.AverageUtilization, AverageValue = new ResourceQuantity(m.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)) },
                },
            })),
            Conditions = List(h.Status.Conditions.Select(c => new V2HorizontalPodAutoscalerCondition { Status = c.Status, Type = c.Type, LastTransitionTime = Time(c.LastTransitionTime), Message = c.Message, Reason = c.Reason })),
        },
    };

    public static HorizontalPodAutoscaler FromWire(V2HorizontalPodAutoscaler h) => new()
    {
        Metadata = MetaMapper.FromWire(h.Metadata, namespaced: true),
        Spec = new HorizontalPodAutoscalerSpec
        {
            ScaleTargetName = h.Spec?.ScaleTargetRef?.Name ?? string.Empty,
            MinReplicas = h.Spec?.MinReplicas ?? 1,
            MaxReplicas = h.Spec?.MaxReplicas ?? 0,
            Metrics = h.Spec?.Metrics?.Select(FromWire).ToList() ?? [],
            Behavior = new HorizontalPodAutoscalerBehavior
            {
                ScaleUp = FromWire(h.Spec?.Behavior?.ScaleUp, ScalingRules.DefaultScaleUp),
                ScaleDown = FromWire(h.Spec?.Behavior?.ScaleDown, ScalingRules.DefaultScaleDown),
            },
        },
        Status = new HorizontalPodAutoscalerStatus
        {
            ObservedGeneration = h.Status?.ObservedGeneration ?? 0,
            LastScaleTime = h.Status?.LastScaleTime is { } t ? Time((DateTime?)t) : null,
            CurrentReplicas = h.Status?.CurrentReplicas ?? 0,
            DesiredReplicas = h.Status?.DesiredReplicas ?? 0,
            Conditions = h.Status?.Conditions?.Select(c => Condition(c.Type, c.Status, c.Reason, c.Message, c.LastTransitionTime)).ToList() ?? [],
        },
    };

    /// <summary>The autoscaling/v1 view: the CPU utilization target and current value; other metrics are not shown.</summary>
    public static V1HorizontalPodAutoscaler ToWireV1(HorizontalPodAutoscaler h) => new()
    {
        ApiVersion = "autoscaling/v1",
        Kind = HorizontalPodAutoscaler.KindName,
        Metadata = MetaMapper.ToWire(h.Metadata, namespaced: true),
        Spec = new V1HorizontalPodAutoscalerSpec
        {
            ScaleTargetRef = new V1CrossVersionObjectReference { Kind = "Deployment", Name = h.Spec.ScaleTargetName, ApiVersion = "apps/v1" },
            MinReplicas = h.Spec.MinReplicas,
            MaxReplicas = h.Spec.MaxReplicas,
            TargetCPUUtilizationPercentage = h.Spec.Metrics.FirstOrDefault(IsCpuUtilization)?.Target.AverageUtilization,
        },
        Status = new V1HorizontalPodAutoscalerStatus
        {
            ObservedGeneration = h.Status.ObservedGeneration == 0 ? null : h.Status.ObservedGeneration,
            LastScaleTime = h.Status.LastScaleTime?.UtcDateTime,
            CurrentReplicas = h.Status.CurrentReplicas,
            DesiredReplicas = h.Status.DesiredReplicas,
            CurrentCPUUtilizationPercentage = h.Status.CurrentMetrics.FirstOrDefault(m => m.Name == "cpu")?.AverageUtilization,
        },
    };

    /// <summary>An autoscaling/v1 object as the SDK's: its CPU target becomes one Resource metric (80% when absent, Kubernetes' default).</summary>
    public static HorizontalPodAutoscaler FromWireV1(V1HorizontalPodAutoscaler h) => new()
    {
        Metadata = MetaMapper.FromWire(h.Metadata, namespaced: true),
        Spec = new HorizontalPodAutoscalerSpec
        {
            ScaleTargetName = h.Spec?.ScaleTargetRef?.Name ?? string.Empty,
            MinReplicas = h.Spec?.MinReplicas ?? 1,
            MaxReplicas = h.Spec?.MaxReplicas ?? 0,
            Metrics = [new MetricSpec(MetricSourceType.Resource, "cpu", new MetricTarget(MetricTargetType.Utilization, h.Spec?.TargetCPUUtilizationPercentage ?? 80, null, null))],
        },
    };

    private static V2HorizontalPodAutoscalerBehavior? ToWire(HorizontalPodAutoscalerBehavior behavior)
    {
        var up = behavior.ScaleUp == ScalingRules.DefaultScaleUp ? null : ToWire(behavior.ScaleUp);
        var down = behavior.ScaleDown == ScalingRules.DefaultScaleDown ? null : ToWire(behavior.ScaleDown);
        return up is null && down is null ? null : new V2HorizontalPodAutoscalerBehavior { ScaleUp = up, ScaleDown = down };
    }

    private static V2HPAScalingRules ToWire(ScalingRules rules) => new()
    {
        StabilizationWindowSeconds = rules.StabilizationWindowSeconds,
        SelectPolicy = rules.SelectPolicy == ScalingPolicySelect.Max ? null : rules.SelectPolicy.ToString(),
        Policies = List(rules.Policies.Select(p => new V2HPAScalingPolicy { Type = p.Type.ToString(), Value = p.Value, PeriodSeconds = p.PeriodSeconds })),
        Tolerance = rules.Tolerance == DefaultTolerance ? null : new ResourceQuantity(rules.Tolerance.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    };

    private static ScalingRules FromWire(V2HPAScalingRules? rules, ScalingRules defaults) => rules is null ? defaults : new ScalingRules
    {
        StabilizationWindowSeconds = rules.StabilizationWindowSeconds,
        SelectPolicy = Enum(rules.SelectPolicy, ScalingPolicySelect.Max),
        Policies = rules.Policies?.Select(p => new ScalingPolicy(Enum(p.Type, ScalingPolicyType.Pods), p.Value, p.PeriodSeconds)).ToList() ?? [],
        Tolerance = rules.Tolerance is { } t ? (double)Quantity(t).Value : DefaultTolerance,
    };

    private static bool IsCpuUtilization(MetricSpec m) =>
        m.Type == MetricSourceType.Resource && m.Name == "cpu" && m.Target.Type == MetricTargetType.Utilization;

    private static V2MetricSpec ToWire(MetricSpec m)
    {
        var target = new V2MetricTarget
        {
            Type = m.Target.Type.ToString(),
            AverageUtilization = m.Target.AverageUtilization,
            AverageValue = m.Target.AverageValue is { } av ? Quantity(av) : null,
            Value = m.Target.Value is { } v ? Quantity(v) : null,
        };
        return m.Type == MetricSourceType.Resource
            ? new V2MetricSpec { Type = "Resource", Resource = new V2ResourceMetricSource { Name = m.Name, Target = target } }
            : new V2MetricSpec { Type = "Pods", Pods = new V2PodsMetricSource { Metric = new V2MetricIdentifier { Name = m.Name }, Target = target } };
    }

    private static MetricSpec FromWire(V2MetricSpec m)
    {
        var type = m.Resource is null ? MetricSourceType.Custom : MetricSourceType.Resource;
        var name = m.Resource?.Name ?? m.Pods?.Metric?.Name ?? m.ObjectProperty?.Metric?.Name ?? m.External?.Metric?.Name ?? string.Empty;
        V2MetricTarget? target = m.Resource?.Target ?? m.Pods?.Target ?? m.ObjectProperty?.Target ?? m.External?.Target;
        return new MetricSpec(type, name, new MetricTarget(
            Enum(target?.Type, MetricTargetType.Utilization),
            target?.AverageUtilization,
            target?.AverageValue is { } av ? Quantity(av) : (Model.Quantity?)null,
            target?.Value is { } v ? Quantity(v) : (Model.Quantity?)null));
    }
}

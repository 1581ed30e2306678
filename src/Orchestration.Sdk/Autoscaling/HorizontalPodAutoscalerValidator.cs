using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Autoscaling;

/// <summary>Validates an autoscaler's spec with the rules and words of Kubernetes' autoscaling validation.</summary>
internal static class HorizontalPodAutoscalerValidator
{
    private const int MaxStabilizationWindowSeconds = 3600;
    private const int MaxPeriodSeconds = 1800;

    public static void Validate(HorizontalPodAutoscaler hpa, FieldPath root, bool validateNamespace, List<ValidationError> errors)
    {
        MetadataValidator.Validate(hpa.Metadata, root.Child("metadata"), NameRules.Dns1123Subdomain, validateNamespace, errors);
        var path = root.Child("spec");
        var spec = hpa.Spec;
        var target = path.Child("scaleTargetRef", "name");
        if (string.IsNullOrEmpty(spec.ScaleTargetName))
        {
            errors.Add(FieldErrors.Required(target));
        }
        else
        {
            errors.AddRange(NameRules.Dns1123Subdomain(spec.ScaleTargetName).Select(m => FieldErrors.Invalid(target, spec.ScaleTargetName, m)));
        }

        if (spec.MinReplicas < 0)
        {
            errors.Add(FieldErrors.Invalid(path.Child("minReplicas"), spec.MinReplicas, "must be greater than or equal to 0"));
        }

        if (spec.MaxReplicas < 1)
        {
            errors.Add(FieldErrors.Invalid(path.Child("maxReplicas"), spec.MaxReplicas, "must be greater than 0"));
        }

        if (spec.MaxReplicas < spec.MinReplicas)
        {
            errors.Add(FieldErrors.Invalid(path.Child("maxReplicas"), spec.MaxReplicas, "must be greater than or equal to `minReplicas`"));
        }

        ValidateMetrics(spec, path.Child("metrics"), errors);
        ValidateRules(spec.Behavior.ScaleUp, path.Child("behavior", "scaleUp"), errors);
        ValidateRules(spec.Behavior.ScaleDown, path.Child("behavior", "scaleDown"), errors);
    }

    private static void ValidateMetrics(HorizontalPodAutoscalerSpec spec, FieldPath path, List<ValidationError> errors)
    {
        if (spec.Metrics.Count == 0)
        {
            errors.Add(FieldErrors.Required(path, "must specify at least one metric"));
            return;
        }

        var seen = new HashSet<(MetricSourceType, string)>();
        for (var i = 0; i < spec.Metrics.Count; i++)
        {
            var metric = spec.Metrics[i];
            var at = path.Index(i);
            if (string.IsNullOrEmpty(metric.Name))
            {
                errors.Add(FieldErrors.Required(at.Child("name")));
            }
            else if (metric.Type == MetricSourceType.Resource && metric.Name is not (MetricSpec.Cpu or MetricSpec.Memory))
            {
                errors.Add(FieldErrors.NotSupported(at.Child("name"), metric.Name, MetricSpec.Cpu, MetricSpec.Memory));
            }
            else if (!seen.Add((metric.Type, metric.Name)))
            {
                errors.Add(FieldErrors.Duplicate(at.Child("name"), metric.Name));
            }

            ValidateTarget(metric, at.Child("target"), errors);
        }

        if (spec.MinReplicas == 0 && spec.Metrics.All(m => m.Type != MetricSourceType.Custom))
        {
            errors.Add(FieldErrors.Forbidden(path, "must specify at least one Custom metric to support scaling to zero replicas"));
        }
    }

    private static void ValidateTarget(MetricSpec metric, FieldPath path, List<ValidationError> errors)
    {
        var t = metric.Target;
        if (t is null)
        {
            errors.Add(FieldErrors.Required(path));
            return;
        }

        if (metric.Type == MetricSourceType.Resource && t.Type == MetricTargetType.Value)
        {
            errors.Add(FieldErrors.Invalid(path.Child("type"), t.Type.ToString(), "must be either Utilization or AverageValue for resource metrics"));
        }
        else if (metric.Type == MetricSourceType.Custom && t.Type == MetricTargetType.Utilization)
        {
            errors.Add(FieldErrors.Invalid(path.Child("type"), t.Type.ToString(), "must be either Value or AverageValue for custom metrics"));
        }

        switch (t.Type)
        {
            case MetricTargetType.Utilization when t.AverageUtilization is null:
                errors.Add(FieldErrors.Required(path.Child("averageUtilization"), "must set a target utilization"));
                break;
            case MetricTargetType.AverageValue when t.AverageValue is null:
                errors.Add(FieldErrors.Required(path.Child("averageValue"), "must set a target average value"));
                break;
            case MetricTargetType.Value when t.Value is null:
                errors.Add(FieldErrors.Required(path.Child("value"), "must set a target value"));
                break;
            default:
                break;
        }

        if (t.AverageUtilization is { } u && u < 1)
        {
            errors.Add(FieldErrors.Invalid(path.Child("averageUtilization"), u, "must be greater than 0"));
        }

        if (t.AverageValue is { } av && av.Value <= 0)
        {
            errors.Add(FieldErrors.Invalid(path.Child("averageValue"), av, "must be positive"));
        }

        if (t.Value is { } v && v.Value <= 0)
        {
            errors.Add(FieldErrors.Invalid(path.Child("value"), v, "must be positive"));
        }
    }

    private static void ValidateRules(ScalingRules rules, FieldPath path, List<ValidationError> errors)
    {
        if (rules.StabilizationWindowSeconds is { } w && w < 0)
        {
            errors.Add(FieldErrors.Invalid(path.Child("stabilizationWindowSeconds"), w, "must be greater than or equal to zero"));
        }
        else if (rules.StabilizationWindowSeconds > MaxStabilizationWindowSeconds)
        {
            errors.Add(FieldErrors.Invalid(path.Child("stabilizationWindowSeconds"), rules.StabilizationWindowSeconds.Value, $"must be less than or equal to {MaxStabilizationWindowSeconds}"));
        }

        if (rules.Tolerance < 0 || double.IsNaN(rules.Tolerance))
        {
            errors.Add(FieldErrors.Invalid(path.Child("tolerance"), rules.Tolerance, "must be greater than or equal to zero"));
        }

        for (var i = 0; i < rules.Policies.Count; i++)
        {
            var p = rules.Policies[i];
            var at = path.Child("policies").Index(i);
            if (p.PeriodSeconds <= 0)
            {
                errors.Add(FieldErrors.Invalid(at.Child("periodSeconds"), p.PeriodSeconds, "must be greater than zero"));
            }
            else if (p.PeriodSeconds > MaxPeriodSeconds)
            {
                errors.Add(FieldErrors.Invalid(at.Child("periodSeconds"), p.PeriodSeconds, $"must be less than or equal to {MaxPeriodSeconds}"));
            }

            if (p.Value <= 0)
            {
                errors.Add(FieldErrors.Invalid(at.Child("value"), p.Value, "must be greater than zero"));
            }
        }
    }
}

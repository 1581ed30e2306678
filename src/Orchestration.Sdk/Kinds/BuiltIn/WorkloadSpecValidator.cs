using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Kinds.BuiltIn;

/// <summary>What Deployments and ReplicaSets share: replicas, a selector, and a pod template the selector matches.</summary>
internal static class WorkloadSpecValidator
{
    public static void Validate(int replicas, LabelSelector? selector, PodTemplateSpec? template, FieldPath path, List<ValidationError> errors)
    {
        MetadataValidator.ValidateNonNegative(replicas, path.Child("replicas"), errors);
        var matchLabels = selector?.MatchLabels ?? ObjectMeta.EmptyMap;
        if (matchLabels.Count == 0)
        {
            errors.Add(FieldErrors.Required(path.Child("selector")));
        }
        else
        {
            MetadataValidator.ValidateLabels(matchLabels, path.Child("selector", "matchLabels"), errors);
        }

        var templatePath = path.Child("template");
        if (template is null)
        {
            errors.Add(FieldErrors.Required(templatePath));
            return;
        }

        var templateLabels = template.Labels ?? ObjectMeta.EmptyMap;
        if (matchLabels.Count > 0 && !LabelSelector.Of(matchLabels).Matches(templateLabels))
        {
            errors.Add(FieldErrors.Invalid(templatePath.Child("metadata", "labels"), templateLabels, "`selector` does not match template `labels`"));
        }

        MetadataValidator.ValidateLabels(templateLabels, templatePath.Child("metadata", "labels"), errors);
        MetadataValidator.ValidateAnnotations(template.Annotations, templatePath.Child("metadata", "annotations"), errors);
        var spec = template.Spec ?? new PodSpec();
        PodSpecValidator.Validate(spec, templatePath.Child("spec"), errors);
        if (spec.RestartPolicy != RestartPolicy.Always)
        {
            errors.Add(FieldErrors.NotSupported(templatePath.Child("spec", "restartPolicy"), spec.RestartPolicy.ToString(), nameof(RestartPolicy.Always)));
        }
    }

    /// <summary>Status counters are never negative (ValidateDeploymentStatus, ValidateReplicaSetStatus).</summary>
    public static void ValidateCounters(FieldPath status, List<ValidationError> errors, params (string Field, long Value)[] counters)
    {
        foreach (var (field, value) in counters)
        {
            MetadataValidator.ValidateNonNegative(value, status.Child(field), errors);
        }
    }
}

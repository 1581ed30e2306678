using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Kinds.BuiltIn;

/// <summary>A Job's spec, as Kubernetes' ValidateJobSpec; shared by Jobs and a CronJob's job template.</summary>
internal static class JobSpecValidator
{
    private static readonly string[] JobRestartPolicies = [nameof(RestartPolicy.OnFailure), nameof(RestartPolicy.Never)];

    public static void Validate(JobSpec spec, FieldPath path, List<ValidationError> errors)
    {
        MetadataValidator.ValidateNonNegative(spec.Parallelism, path.Child("parallelism"), errors);
        if (spec.Completions is { } completions)
        {
            MetadataValidator.ValidateNonNegative(completions, path.Child("completions"), errors);
        }

        MetadataValidator.ValidateNonNegative(spec.BackoffLimit, path.Child("backoffLimit"), errors);
        if (spec.ActiveDeadlineSeconds is { } deadline && deadline <= 0)
        {
            errors.Add(FieldErrors.Invalid(path.Child("activeDeadlineSeconds"), deadline, "must be greater than 0"));
        }

        if (spec.TtlSecondsAfterFinished is { } ttl)
        {
            MetadataValidator.ValidateNonNegative(ttl, path.Child("ttlSecondsAfterFinished"), errors);
        }

        var templatePath = path.Child("template");
        var template = spec.Template;
        if (template is null)
        {
            errors.Add(FieldErrors.Required(templatePath));
            return;
        }

        MetadataValidator.ValidateLabels(template.Labels, templatePath.Child("metadata", "labels"), errors);
        MetadataValidator.ValidateAnnotations(template.Annotations, templatePath.Child("metadata", "annotations"), errors);
        var podSpec = template.Spec ?? new PodSpec();
        PodSpecValidator.Validate(podSpec, templatePath.Child("spec"), errors);
        if (podSpec.RestartPolicy is not (RestartPolicy.OnFailure or RestartPolicy.Never))
        {
            errors.Add(FieldErrors.NotSupported(templatePath.Child("spec", "restartPolicy"), podSpec.RestartPolicy.ToString(), JobRestartPolicies));
        }
    }
}

using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Declaration;

/// <summary>Validates a Deployment's strategy, minReadySeconds and progress deadline, in Kubernetes' words.</summary>
internal static class DeploymentStrategyValidator
{
    public static void Validate(DeploymentSpec spec, FieldPath path, List<ValidationError> errors)
    {
        MetadataValidator.ValidateNonNegative(spec.MinReadySeconds, path.Child("minReadySeconds"), errors);
        if (spec.ProgressDeadlineSeconds <= spec.MinReadySeconds)
        {
            errors.Add(FieldErrors.Invalid(path.Child("progressDeadlineSeconds"), spec.ProgressDeadlineSeconds, "must be greater than minReadySeconds"));
        }

        if (spec.Strategy.Type != DeploymentStrategyType.RollingUpdate)
        {
            return;
        }

        var rolling = path.Child("strategy", "rollingUpdate");
        ValidateBound(spec.Strategy.MaxSurge, rolling.Child("maxSurge"), errors, capAt100: false);
        ValidateBound(spec.Strategy.MaxUnavailable, rolling.Child("maxUnavailable"), errors, capAt100: true);
        if (spec.Strategy.MaxSurge.Value == 0 && spec.Strategy.MaxUnavailable.Value == 0)
        {
            errors.Add(FieldErrors.Invalid(rolling.Child("maxUnavailable"), spec.Strategy.MaxUnavailable.ToString(), "may not be 0 when `maxSurge` is 0"));
        }
    }

    private static void ValidateBound(IntOrPercent value, FieldPath path, List<ValidationError> errors, bool capAt100)
    {
        if (value.Value < 0)
        {
            errors.Add(FieldErrors.Invalid(path, value.ToString(), NameRules.NegativeError));
        }
        else if (capAt100 && value.IsPercent && value.Value > 100)
        {
            errors.Add(FieldErrors.Invalid(path, value.ToString(), "must not be greater than 100%"));
        }
    }
}

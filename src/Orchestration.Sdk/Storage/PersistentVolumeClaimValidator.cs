using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Storage;

/// <summary>Kubernetes' ValidatePersistentVolumeClaimSpec and its update rule, for the fields this model has.</summary>
internal static class PersistentVolumeClaimValidator
{
    private static readonly string[] AccessModeNames = Enum.GetNames<PersistentVolumeAccessMode>();

    public static void ValidateSpec(PersistentVolumeClaimSpec spec, FieldPath path, List<ValidationError> errors)
    {
        var modes = spec.AccessModes ?? [];
        if (modes.Count == 0)
        {
            errors.Add(FieldErrors.Required(path.Child("accessModes"), "at least 1 access mode is required"));
        }

        foreach (var mode in modes)
        {
            if (!Enum.IsDefined(mode))
            {
                errors.Add(FieldErrors.NotSupported(path.Child("accessModes"), mode.ToString(), AccessModeNames));
            }
        }

        if (modes.Contains(PersistentVolumeAccessMode.ReadWriteOncePod) && modes.Count > 1)
        {
            errors.Add(FieldErrors.Forbidden(path.Child("accessModes"), "may not use ReadWriteOncePod with other access modes"));
        }

        var storage = path.Child("resources").Key("storage");
        if (spec.StorageRequest is not { } request)
        {
            errors.Add(FieldErrors.Required(storage));
        }
        else if (request.Value <= 0m)
        {
            errors.Add(FieldErrors.Invalid(path.Child("resources", "requests").Key("storage"), request, "must be greater than zero"));
        }

        if (spec.StorageClassName is { } storageClass)
        {
            errors.AddRange(NameRules.Dns1123Subdomain(storageClass).Select(m => FieldErrors.Invalid(path.Child("storageClassName"), storageClass, m)));
        }

        if (!Enum.IsDefined(spec.ReclaimPolicy))
        {
            errors.Add(FieldErrors.NotSupported(path.Child("reclaimPolicy"), spec.ReclaimPolicy.ToString(), Enum.GetNames<PersistentVolumeReclaimPolicy>()));
        }
    }

    /// <summary>As ValidatePersistentVolumeClaimUpdate: the spec is immutable, but an unset volume name may be set once (binding).</summary>
    public static void ValidateUpdate(PersistentVolumeClaim next, PersistentVolumeClaim current, FieldPath path, List<ValidationError> errors)
    {
        var volumeName = current.Spec.VolumeName is null ? next.Spec.VolumeName : current.Spec.VolumeName;
        if (next.Spec != current.Spec with { VolumeName = volumeName })
        {
            errors.Add(FieldErrors.Forbidden(path, "spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims"));
        }
    }
}

using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Storage;

/// <summary>
/// Kubernetes' rules for a pod's volumes and its containers' mounts (ValidateVolumes, ValidateVolumeMounts): unique
/// DNS-1123 volume names, exactly one source each, mounts naming a declared volume at a unique absolute path, and a
/// sub path that stays inside the volume.
/// </summary>
internal static class VolumeValidator
{
    public static void Validate(PodSpec spec, FieldPath path, List<ValidationError> errors)
    {
        var volumes = spec.Volumes ?? [];
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < volumes.Count; i++)
        {
            var at = path.Child("volumes").Index(i);
            var volume = volumes[i];
            var name = volume.Name ?? string.Empty;
            if (name.Length == 0)
            {
                errors.Add(FieldErrors.Required(at.Child("name")));
            }
            else if (NameRules.Dns1123Label(name) is { Count: > 0 } messages)
            {
                errors.AddRange(messages.Select(m => FieldErrors.Invalid(at.Child("name"), name, m)));
            }
            else if (!names.Add(name))
            {
                errors.Add(FieldErrors.Duplicate(at.Child("name"), name));
            }

            ValidateSource(volume, at, errors);
        }

        var containers = spec.Containers ?? [];
        for (var i = 0; i < containers.Count; i++)
        {
            ValidateMounts(containers[i].VolumeMounts ?? [], names, path.Child("containers").Index(i).Child("volumeMounts"), errors);
        }
    }

    private static void ValidateSource(Volume volume, FieldPath at, List<ValidationError> errors)
    {
        var sources = 0;
        if (volume.EmptyDir is { } emptyDir)
        {
            sources++;
            if (!Enum.IsDefined(emptyDir.Medium))
            {
                errors.Add(FieldErrors.NotSupported(at.Child("emptyDir", "medium"), emptyDir.Medium.ToString(), "", "Memory"));
            }

            MetadataValidator.ValidateNonNegative(emptyDir.SizeLimit, at.Child("emptyDir", "sizeLimit"), errors);
        }

        if (volume.PersistentVolumeClaim is { } claim)
        {
            if (sources++ > 0)
            {
                errors.Add(FieldErrors.Forbidden(at.Child("persistentVolumeClaim"), "may not specify more than 1 volume type"));
            }

            var claimName = claim.ClaimName ?? string.Empty;
            if (claimName.Length == 0)
            {
                errors.Add(FieldErrors.Required(at.Child("persistentVolumeClaim", "claimName")));
            }
            else
            {
                errors.AddRange(NameRules.Dns1123Subdomain(claimName).Select(m => FieldErrors.Invalid(at.Child("persistentVolumeClaim", "claimName"), claimName, m)));
            }
        }

        if (volume.HostPath is { } hostPath)
        {
            if (sources++ > 0)
            {
                errors.Add(FieldErrors.Forbidden(at.Child("hostPath"), "may not specify more than 1 volume type"));
            }

            var hostDir = hostPath.Path ?? string.Empty;
            if (hostDir.Length == 0)
            {
                errors.Add(FieldErrors.Required(at.Child("hostPath", "path")));
            }
            else if (!hostDir.StartsWith('/'))
            {
                errors.Add(FieldErrors.Invalid(at.Child("hostPath", "path"), hostDir, "must be an absolute path"));
            }
            else if (HasBacksteps(hostDir))
            {
                errors.Add(FieldErrors.Invalid(at.Child("hostPath", "path"), hostDir, "must not contain '..'"));
            }
        }

        if (sources == 0)
        {
            errors.Add(FieldErrors.Required(at, "must specify a volume type"));
        }
    }

    private static void ValidateMounts(IReadOnlyList<VolumeMount> mounts, HashSet<string> volumes, FieldPath path, List<ValidationError> errors)
    {
        var mountPaths = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < mounts.Count; i++)
        {
            var at = path.Index(i);
            var mount = mounts[i];
            var name = mount.Name ?? string.Empty;
            if (name.Length == 0)
            {
                errors.Add(FieldErrors.Required(at.Child("name")));
            }
            else if (!volumes.Contains(name))
            {
                errors.Add(FieldErrors.NotFound(at.Child("name"), name));
            }

            var mountPath = mount.MountPath ?? string.Empty;
            if (mountPath.Length == 0)
            {
                errors.Add(FieldErrors.Required(at.Child("mountPath")));
            }
            else if (!mountPath.StartsWith('/'))
            {
                errors.Add(FieldErrors.Invalid(at.Child("mountPath"), mountPath, "must be an absolute path"));
            }
            else if (!mountPaths.Add(mountPath.TrimEnd('/')))
            {
                errors.Add(FieldErrors.Invalid(at.Child("mountPath"), mountPath, "must be unique"));
            }

            var subPath = mount.SubPath ?? string.Empty;
            if (subPath.StartsWith('/'))
            {
                errors.Add(FieldErrors.Invalid(at.Child("subPath"), subPath, "must be a relative path"));
            }
            else if (HasBacksteps(subPath))
            {
                errors.Add(FieldErrors.Invalid(at.Child("subPath"), subPath, "must not contain '..'"));
            }
        }
    }

    private static bool HasBacksteps(string path) => path.Split('/').Contains("..", StringComparer.Ordinal);
}

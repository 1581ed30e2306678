using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Configuration;

/// <summary>
/// Kubernetes' rules for a container's references to ConfigMaps and Secrets: object names are DNS-1123 subdomains,
/// keys are config keys, an envFrom prefix is an environment variable name, mount paths are absolute and unique.
/// </summary>
internal static class ConfigReferenceValidator
{
    public static void Validate(Container container, FieldPath path, List<ValidationError> errors)
    {
        for (var i = 0; i < container.Env.Count; i++)
        {
            if (container.Env[i].ValueFrom is not { } from)
            {
                continue;
            }

            var valueFrom = path.Child("env").Index(i).Child("valueFrom");
            if (from.SecretKeyRef is { } secret)
            {
                ValidateSelector(secret, valueFrom.Child("secretKeyRef"), errors);
            }

            if (from.ConfigMapKeyRef is { } configMap)
            {
                ValidateSelector(configMap, valueFrom.Child("configMapKeyRef"), errors);
            }
        }

        for (var i = 0; i < container.EnvFrom.Count; i++)
        {
            var source = container.EnvFrom[i];
            var at = path.Child("envFrom").Index(i);
            if (source.Prefix.Length > 0)
            {
                errors.AddRange(NameRules.EnvVarName(source.Prefix).Select(m => FieldErrors.Invalid(at.Child("prefix"), source.Prefix, m)));
            }

            ValidateName(source.SecretName ?? source.ConfigMapName ?? string.Empty, at.Child(source.SecretName is not null ? "secretRef" : "configMapRef", "name"), errors);
        }

        var mountPaths = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < container.ConfigFiles.Count; i++)
        {
            var mount = container.ConfigFiles[i];
            var at = path.Child("configFiles").Index(i);
            ValidateName(mount.SecretName ?? mount.ConfigMapName ?? string.Empty, at.Child(mount.SecretName is not null ? "secretName" : "configMapName"), errors);
            var mountPath = at.Child("mountPath");
            if (mount.MountPath.Length == 0)
            {
                errors.Add(FieldErrors.Required(mountPath));
            }
            else if (!mount.MountPath.StartsWith('/'))
            {
                errors.Add(FieldErrors.Invalid(mountPath, mount.MountPath, "must be an absolute path"));
            }
            else if (!mountPaths.Add(mount.MountPath.TrimEnd('/')))
            {
                errors.Add(FieldErrors.Invalid(mountPath, mount.MountPath, "must be unique"));
            }
        }
    }

    private static void ValidateSelector(KeySelector selector, FieldPath path, List<ValidationError> errors)
    {
        ValidateName(selector.Name, path.Child("name"), errors);
        if (selector.Key.Length == 0)
        {
            errors.Add(FieldErrors.Required(path.Child("key")));
            return;
        }

        errors.AddRange(ConfigDataValidator.ConfigKey(selector.Key).Select(m => FieldErrors.Invalid(path.Child("key"), selector.Key, m)));
    }

    private static void ValidateName(string name, FieldPath path, List<ValidationError> errors)
    {
        if (name.Length == 0)
        {
            errors.Add(FieldErrors.Required(path));
            return;
        }

        errors.AddRange(NameRules.Dns1123Subdomain(name).Select(m => FieldErrors.Invalid(path, name, m)));
    }
}

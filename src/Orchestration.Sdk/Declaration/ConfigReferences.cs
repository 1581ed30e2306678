using Orchestration.Sdk.Configuration;

namespace Orchestration.Sdk.Declaration;

/// <summary>Builds the container references to ConfigMaps and Secrets that the fluent methods record.</summary>
internal static class ConfigReferences
{
    public static EnvVarSource SecretKey(string secret, string key, bool optional)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(key);
        return new EnvVarSource { SecretKeyRef = new KeySelector(secret, key, optional) };
    }

    public static EnvVarSource ConfigMapKey(string configMap, string key, bool optional)
    {
        ArgumentNullException.ThrowIfNull(configMap);
        ArgumentNullException.ThrowIfNull(key);
        return new EnvVarSource { ConfigMapKeyRef = new KeySelector(configMap, key, optional) };
    }

    public static EnvFromSource AllOfSecret(string secret, string prefix, bool optional)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(prefix);
        return new EnvFromSource { SecretName = secret, Prefix = prefix, Optional = optional };
    }

    public static EnvFromSource AllOfConfigMap(string configMap, string prefix, bool optional)
    {
        ArgumentNullException.ThrowIfNull(configMap);
        ArgumentNullException.ThrowIfNull(prefix);
        return new EnvFromSource { ConfigMapName = configMap, Prefix = prefix, Optional = optional };
    }

    public static ConfigFileMount Files(string? configMap, string? secret, string mountPath, bool optional)
    {
        ArgumentNullException.ThrowIfNull(configMap ?? secret, configMap is null ? nameof(secret) : nameof(configMap));
        ArgumentNullException.ThrowIfNull(mountPath);
        return new ConfigFileMount { ConfigMapName = configMap, SecretName = secret, MountPath = mountPath, Optional = optional };
    }
}

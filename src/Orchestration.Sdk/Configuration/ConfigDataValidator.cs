using System.Text;
using System.Text.RegularExpressions;
using Orchestration.Sdk.Declaration;

namespace Orchestration.Sdk.Configuration;

/// <summary>Kubernetes' rules for ConfigMap and Secret data: valid keys, and at most 1 MiB of values in total.</summary>
internal static partial class ConfigDataValidator
{
    /// <summary>Kubernetes' MaxSecretSize, which also bounds a ConfigMap.</summary>
    public const int MaxSize = 1024 * 1024;

    private const string ConfigMapKeyFmt = "[-._a-zA-Z0-9]+";

    private const string ConfigMapKeyErrMsg = "a valid config key must consist of alphanumeric characters, '-', '_' or '.'";

    public static void Validate(ConfigMap configMap, FieldPath root, List<ValidationError> errors)
    {
        var data = root.Child("data");
        long size = 0;
        foreach (var (key, value) in configMap.Data.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            ValidateKey(key, data, errors);
            size += Encoding.UTF8.GetByteCount(value);
        }

        if (size > MaxSize)
        {
            errors.Add(FieldErrors.TooLong(data, MaxSize));
        }
    }

    public static void Validate(Secret secret, FieldPath root, List<ValidationError> errors)
    {
        var data = root.Child("data");
        long size = 0;
        foreach (var (key, value) in secret.Data.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            ValidateKey(key, data, errors);
            size += value.Length;
        }

        if (size > MaxSize)
        {
            errors.Add(FieldErrors.TooLong(data, MaxSize));
        }
    }

    /// <summary>The path of one key: <c>data[password]</c>.</summary>
    public static FieldPath KeyPath(FieldPath data, string key) => new($"{data.Value}[{key}]");

    /// <summary>Kubernetes' IsConfigMapKey.</summary>
    public static List<string> ConfigKey(string value)
    {
        var errors = new List<string>();
        if (value.Length > 253)
        {
            errors.Add(NameRules.MaxLenError(253));
        }

        if (!ConfigMapKeyRegex().IsMatch(value))
        {
            errors.Add(NameRules.RegexError(ConfigMapKeyErrMsg, ConfigMapKeyFmt, "key.name", "KEY_NAME", "key-name"));
        }

        if (value == ".")
        {
            errors.Add("must not be '.'");
        }
        else if (value == "..")
        {
            errors.Add("must not be '..'");
        }
        else if (value.StartsWith("..", StringComparison.Ordinal))
        {
            errors.Add("must not start with '..'");
        }

        return errors;
    }

    private static void ValidateKey(string key, FieldPath data, List<ValidationError> errors)
    {
        foreach (var message in ConfigKey(key))
        {
            errors.Add(FieldErrors.Invalid(KeyPath(data, key), key, message));
        }
    }

    [GeneratedRegex("^" + ConfigMapKeyFmt + @"\z", RegexOptions.CultureInvariant)]
    private static partial Regex ConfigMapKeyRegex();
}

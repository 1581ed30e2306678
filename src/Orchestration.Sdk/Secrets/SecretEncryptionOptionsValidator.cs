using System.Globalization;
using Microsoft.Extensions.Options;
using Orchestration.Sdk.Hosting;

namespace Orchestration.Sdk.Secrets;

/// <summary>
/// The rules of <see cref="SecretEncryptionOptions"/>, checked when the host starts: no missing key, and no two keys
/// with one name (a stored Secret names the key that encrypted it). Each key checks its own name and size when made.
/// </summary>
internal sealed class SecretEncryptionOptionsValidator : IValidateOptions<SecretEncryptionOptions>
{
    public ValidateOptionsResult Validate(string? name, SecretEncryptionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rules = new OptionsRules(nameof(SecretEncryptionOptions));
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Keys.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"{nameof(SecretEncryptionOptions)}.{nameof(options.Keys)}[{i}]");
            if (options.Keys[i] is not { } key)
            {
                rules.Add($"{path}: Required value");
            }
            else if (!names.Add(key.Name))
            {
                rules.Add($"{path}.Name: Duplicate value: \"{key.Name}\"");
            }
        }

        return rules.Result();
    }
}

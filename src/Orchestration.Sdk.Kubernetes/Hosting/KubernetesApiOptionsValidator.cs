using System.Net;
using Microsoft.Extensions.Options;

namespace Orchestration.Sdk.Kubernetes.Hosting;

/// <summary>Validates <see cref="KubernetesApiOptions"/> at start, naming each bad option.</summary>
internal sealed class KubernetesApiOptionsValidator : IValidateOptions<KubernetesApiOptions>
{
    private const int MinTokenLength = 16;

    public ValidateOptionsResult Validate(string? name, KubernetesApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.Port is < 0 or > 65535)
        {
            errors.Add($"KubernetesApi.Port: Invalid value: {options.Port}: must be between 0 and 65535, inclusive");
        }

        if (!IPAddress.TryParse(options.ListenAddress, out _))
        {
            errors.Add($"KubernetesApi.ListenAddress: Invalid value: \"{options.ListenAddress}\": must be an IP address");
        }

        Token(options.AdminToken, "AdminToken", errors);
        Token(options.ReadOnlyToken, "ReadOnlyToken", errors);
        if (options.AdminToken is not null && options.AdminToken == options.ReadOnlyToken)
        {
            errors.Add("KubernetesApi.ReadOnlyToken: Invalid value: must differ from AdminToken");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    // The value itself is never put in the message: it is a credential.
    private static void Token(string? token, string field, List<string> errors)
    {
        if (token is not null && (token.Length < MinTokenLength || token.Any(char.IsWhiteSpace)))
        {
            errors.Add($"KubernetesApi.{field}: Invalid value: must be at least {MinTokenLength} characters without whitespace");
        }
    }
}

using System.Globalization;
using Microsoft.Extensions.Options;

namespace Orchestration.Sdk.Docker;

/// <summary>
/// The rules of <see cref="DockerRuntimeOptions"/>, checked when the host starts (<c>UseDocker</c> adds
/// <c>ValidateOnStart</c>); each failure names the option and the rule, in Kubernetes' words.
/// </summary>
internal sealed class DockerRuntimeOptionsValidator : IValidateOptions<DockerRuntimeOptions>
{
    public ValidateOptionsResult Validate(string? name, DockerRuntimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        void Check(bool valid, string option, object? value, string rule)
        {
            if (!valid)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(DockerRuntimeOptions)}.{option}: Invalid value: \"{value}\": {rule}"));
            }
        }

        const string Dns1123Label = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', "
            + "and must start and end with an alphanumeric character, at most 63 characters";
        Check(IsDnsLabel(options.AppName), nameof(options.AppName), options.AppName, Dns1123Label);
        Check(!string.IsNullOrWhiteSpace(options.NodeName), nameof(options.NodeName), options.NodeName, "must not be empty");
        Check(options.CallTimeout > TimeSpan.Zero, nameof(options.CallTimeout), options.CallTimeout, "must be greater than 0");
        Check(options.MaxCallAttempts > 0, nameof(options.MaxCallAttempts), options.MaxCallAttempts, "must be greater than 0");
        Check(options.ShutdownTimeout > TimeSpan.Zero, nameof(options.ShutdownTimeout), options.ShutdownTimeout, "must be greater than 0");
        Check(options.PullTimeout > TimeSpan.Zero, nameof(options.PullTimeout), options.PullTimeout, "must be greater than 0");
        Check(!string.IsNullOrWhiteSpace(options.StateDirectory), nameof(options.StateDirectory), options.StateDirectory, "must not be empty");
        Check(!string.IsNullOrWhiteSpace(options.PauseImage), nameof(options.PauseImage), options.PauseImage, "must not be empty");
        Check(!string.IsNullOrWhiteSpace(options.BusyboxPath), nameof(options.BusyboxPath), options.BusyboxPath, "must not be empty");
        Check(options.NetworkName is null || !string.IsNullOrWhiteSpace(options.NetworkName), nameof(options.NetworkName), options.NetworkName, "must not be empty (null names it after the app)");
        Check(Enum.IsDefined(options.Lifetime), nameof(options.Lifetime), options.Lifetime, $"supported values: {string.Join(", ", Enum.GetNames<DockerLifetime>())}");
        Check(options.HealthCheckTimeout > TimeSpan.Zero, nameof(options.HealthCheckTimeout), options.HealthCheckTimeout, "must be greater than 0");
        Check(options.ServiceAddress is null || (System.Net.IPAddress.TryParse(options.ServiceAddress, out var service) && service.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork),
            nameof(options.ServiceAddress), options.ServiceAddress, "must be an IPv4 address of this host (null: the first engine's network gateway)");
        DockerEngineOptionsValidator.Validate(options.Engines, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsDnsLabel(string? value) =>
        value is { Length: > 0 and <= 63 }
        && value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && value[0] != '-' && value[^1] != '-';
}

using System.Net;
using Microsoft.Extensions.Options;
using Orchestration.Sdk.Hosting;

namespace Orchestration.Sdk.Networking.Proxy;

/// <summary>The rules of <see cref="ServiceProxyOptions"/>, checked when the host starts.</summary>
internal sealed class ServiceProxyOptionsValidator : IValidateOptions<ServiceProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ServiceProxyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new OptionsRules(nameof(ServiceProxyOptions))
            .Positive(options.ConnectTimeout, nameof(options.ConnectTimeout))
            .Check(IPAddress.TryParse(options.HostAddress, out _), nameof(options.HostAddress), options.HostAddress, "must be a valid IP address, (e.g. 127.0.0.1 or ::1)")
            .Positive(options.ListenRetryInterval, nameof(options.ListenRetryInterval))
            .Result();
    }
}

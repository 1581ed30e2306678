using Microsoft.Extensions.Options;
using Orchestration.Sdk.Hosting;

namespace Orchestration.Sdk.Autoscaling;

/// <summary>The rules of <see cref="AutoscalerOptions"/>, checked when the host starts.</summary>
internal sealed class AutoscalerOptionsValidator : IValidateOptions<AutoscalerOptions>
{
    public ValidateOptionsResult Validate(string? name, AutoscalerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new OptionsRules(nameof(AutoscalerOptions))
            .Positive(options.SyncPeriod, nameof(options.SyncPeriod))
            .Positive(options.EventCapacity, nameof(options.EventCapacity))
            .Result();
    }
}

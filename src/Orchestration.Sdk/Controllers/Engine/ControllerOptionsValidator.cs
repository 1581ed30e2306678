using Microsoft.Extensions.Options;
using Orchestration.Sdk.Hosting;

namespace Orchestration.Sdk.Controllers.Engine;

/// <summary>The rules of <see cref="ControllerOptions"/>, checked when the host starts.</summary>
internal sealed class ControllerOptionsValidator : IValidateOptions<ControllerOptions>
{
    public ValidateOptionsResult Validate(string? name, ControllerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new OptionsRules(nameof(ControllerOptions))
            .Positive(options.MaxConcurrentReconciles, nameof(options.MaxConcurrentReconciles))
            .NotNegative(options.ErrorBackoffBase, nameof(options.ErrorBackoffBase))
            .AtLeast(options.ErrorBackoffMax, nameof(options.ErrorBackoffMax), options.ErrorBackoffBase, nameof(options.ErrorBackoffBase))
            .Check(options.ResyncPeriod > TimeSpan.Zero || options.ResyncPeriod == Timeout.InfiniteTimeSpan, nameof(options.ResyncPeriod), options.ResyncPeriod, "must be greater than 0 (Timeout.InfiniteTimeSpan turns the resync off)")
            .Result();
    }
}

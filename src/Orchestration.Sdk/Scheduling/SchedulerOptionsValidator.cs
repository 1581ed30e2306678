using Microsoft.Extensions.Options;
using Orchestration.Sdk.Hosting;

namespace Orchestration.Sdk.Scheduling;

/// <summary>The rules of <see cref="SchedulerOptions"/>, checked when the host starts.</summary>
internal sealed class SchedulerOptionsValidator : IValidateOptions<SchedulerOptions>
{
    public ValidateOptionsResult Validate(string? name, SchedulerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new OptionsRules(nameof(SchedulerOptions))
            .Check(Enum.IsDefined(options.ScoringStrategy), nameof(options.ScoringStrategy), options.ScoringStrategy, $"supported values: {string.Join(", ", Enum.GetNames<ScoringStrategy>())}")
            .InRange(options.PercentageOfNodesToScore, nameof(options.PercentageOfNodesToScore), 0, 100)
            .Positive(options.UnschedulableRetryInterval, nameof(options.UnschedulableRetryInterval))
            .NotNegative(options.SpreadWeight, nameof(options.SpreadWeight))
            .Result();
    }
}

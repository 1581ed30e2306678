using Microsoft.Extensions.Options;
using Orchestration.Sdk.Hosting;

namespace Orchestration.Sdk.Controllers.NodeLifecycle;

/// <summary>The rules of <see cref="NodeLifecycleOptions"/>, checked when the host starts.</summary>
internal sealed class NodeLifecycleOptionsValidator : IValidateOptions<NodeLifecycleOptions>
{
    public ValidateOptionsResult Validate(string? name, NodeLifecycleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new OptionsRules(nameof(NodeLifecycleOptions))
            .Positive(options.MonitorPeriod, nameof(options.MonitorPeriod))
            .Positive(options.NodeMonitorGracePeriod, nameof(options.NodeMonitorGracePeriod))
            .NotNegative(options.DefaultTolerationSeconds, nameof(options.DefaultTolerationSeconds))
            .Result();
    }
}

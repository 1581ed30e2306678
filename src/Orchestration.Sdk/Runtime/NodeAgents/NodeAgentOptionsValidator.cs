using Microsoft.Extensions.Options;
using Orchestration.Sdk.Hosting;

namespace Orchestration.Sdk.Runtime.NodeAgents;

/// <summary>The rules of <see cref="NodeAgentOptions"/>, checked when the host starts.</summary>
internal sealed class NodeAgentOptionsValidator : IValidateOptions<NodeAgentOptions>
{
    public ValidateOptionsResult Validate(string? name, NodeAgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new OptionsRules(nameof(NodeAgentOptions))
            .Positive(options.HeartbeatInterval, nameof(options.HeartbeatInterval))
            .NotNegative(options.InitialBackoff, nameof(options.InitialBackoff))
            .AtLeast(options.MaxBackoff, nameof(options.MaxBackoff), options.InitialBackoff, nameof(options.InitialBackoff))
            .Positive(options.BackoffResetAfter, nameof(options.BackoffResetAfter))
            .NotNegative(options.RuntimeRetryInitialBackoff, nameof(options.RuntimeRetryInitialBackoff))
            .AtLeast(options.RuntimeRetryMaxBackoff, nameof(options.RuntimeRetryMaxBackoff), options.RuntimeRetryInitialBackoff, nameof(options.RuntimeRetryInitialBackoff))
            .Check(options.ApplicationName is null || !string.IsNullOrWhiteSpace(options.ApplicationName), nameof(options.ApplicationName), options.ApplicationName, "must not be empty (null means no application label)")
            .Result();
    }
}

using Orchestration.Sdk.Backoff;

namespace Orchestration.Sdk.Runtime.NodeAgents;

/// <summary>The delay before retrying a failed runtime call: initial × 2^(failures − 1), capped.</summary>
internal static class RetryDelay
{
    public static TimeSpan For(int failures, NodeAgentOptions options) =>
        new ExponentialBackoff(options.RuntimeRetryInitialBackoff, options.RuntimeRetryMaxBackoff).Delay(Math.Max(failures, 1));
}

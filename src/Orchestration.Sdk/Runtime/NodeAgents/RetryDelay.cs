namespace Orchestration.Sdk.Runtime.NodeAgents;

/// <summary>The delay before retrying a failed runtime call: initial × 2^(failures − 1), capped.</summary>
internal static class RetryDelay
{
    public static TimeSpan For(int failures, NodeAgentOptions options)
    {
        var initial = options.RuntimeRetryInitialBackoff;
        var ticks = initial.Ticks * Math.Pow(2, Math.Clamp(failures - 1, 0, 40));
        return ticks >= options.RuntimeRetryMaxBackoff.Ticks ? options.RuntimeRetryMaxBackoff : TimeSpan.FromTicks((long)ticks);
    }
}

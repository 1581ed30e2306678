using Orchestration.Sdk.Backoff;

namespace Orchestration.Sdk.Runtime.NodeAgents;

/// <summary>
/// One container's restart back-off, as the kubelet's: no delay before the first restart, then
/// <see cref="NodeAgentOptions.InitialBackoff"/> doubling up to <see cref="NodeAgentOptions.MaxBackoff"/>; an instance that
/// ran for <see cref="NodeAgentOptions.BackoffResetAfter"/> starts the sequence over.
/// </summary>
internal sealed class CrashLoopBackoff
{
    private int _restarts;

    /// <summary>The delay applied after the last restart, or null before any restart (or after a reset).</summary>
    public TimeSpan? Current { get; private set; }

    /// <summary>
    /// Until when a restart of an instance that ran from <paramref name="startedAt"/> to <paramref name="finishedAt"/> is held
    /// back, or null when it may restart now.
    /// </summary>
    public DateTimeOffset? HeldUntil(DateTimeOffset startedAt, DateTimeOffset finishedAt, DateTimeOffset now, NodeAgentOptions options)
    {
        if (Current is null)
        {
            return null;
        }

        if (finishedAt - startedAt >= options.BackoffResetAfter)
        {
            Reset();
            return null;
        }

        var until = finishedAt + Current.Value;
        return now < until ? until : null;
    }

    /// <summary>Records a restart: the next exit waits for the grown delay.</summary>
    public void Next(NodeAgentOptions options)
    {
        _restarts = Current is null ? 1 : _restarts + 1;
        Current = new ExponentialBackoff(options.InitialBackoff, options.MaxBackoff).Delay(_restarts);
    }

    /// <summary>Restores the state of an adopted container whose history is unknown.</summary>
    public void Reset()
    {
        Current = null;
        _restarts = 0;
    }
}

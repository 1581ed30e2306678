using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Runtime;

/// <summary>What a pod worker remembers of one container between syncs (the runtime holds the rest).</summary>
internal sealed class ContainerRecord
{
    /// <summary>The restart count of the newest instance (from its label).</summary>
    public int RestartCount { get; set; }

    /// <summary>Whether an instance of the container was ever seen or created.</summary>
    public bool Seen { get; set; }

    public CrashLoopBackoff Backoff { get; } = new();

    /// <summary>Set while a restart is held back by the crash-loop back-off.</summary>
    public DateTimeOffset? BackoffUntil { get; set; }

    /// <summary>The last failed runtime call for this container, shown as its waiting reason until a call succeeds.</summary>
    public ContainerStateWaiting? Error { get; private set; }

    /// <summary>When the failed call may be tried again.</summary>
    public DateTimeOffset RetryAt { get; private set; }

    /// <summary>The last exit observed, for the status' last state when the instance is gone.</summary>
    public ContainerStateTerminated? LastTermination { get; set; }

    private int ErrorCount { get; set; }

    public bool WaitingForRetry(DateTimeOffset now) => Error is not null && now < RetryAt;

    public void Failed(ContainerRuntimeException error, DateTimeOffset now, NodeAgentOptions options)
    {
        Error = new ContainerStateWaiting(error.Reason, error.Message);
        RetryAt = now + RetryDelay.For(++ErrorCount, options);
    }

    public void Succeeded()
    {
        Error = null;
        ErrorCount = 0;
    }
}

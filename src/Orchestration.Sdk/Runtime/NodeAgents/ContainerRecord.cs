using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Runtime.NodeAgents;

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

    /// <summary>Why the agent killed an instance (a failed liveness or startup probe), by container id.</summary>
    public Dictionary<string, string> KillMessages { get; } = new(StringComparer.Ordinal);

    private int ErrorCount { get; set; }

    public bool WaitingForRetry(DateTimeOffset now) => Error is not null && now < RetryAt;

    public void Failed(ContainerRuntimeException error, DateTimeOffset now, NodeAgentOptions options)
    {
        Error = new ContainerStateWaiting(error.Reason, error.Message);
        RetryAt = now + RetryDelay.For(++ErrorCount, options);
    }

    /// <summary>
    /// A ConfigMap or Secret the container needs is missing: it waits with <c>CreateContainerConfigError</c>. Not held
    /// back: the next sync (a config change, or the retry wake-up) tries again.
    /// </summary>
    public void ConfigFailed(string message, DateTimeOffset now)
    {
        Error = new ContainerStateWaiting(Configuration.ConfigReferenceResolver.ConfigErrorReason, message);
        RetryAt = now;
    }

    /// <summary>The files last given to the running instance, to notice a changed ConfigMap or Secret.</summary>
    public IReadOnlyList<ContainerFile>? AppliedFiles { get; set; }

    public void Succeeded()
    {
        Error = null;
        ErrorCount = 0;
    }
}

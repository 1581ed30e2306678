namespace Orchestration.Sdk.Model;

/// <summary>The desired state of a CronJob, with Kubernetes' defaults.</summary>
public sealed record CronJobSpec
{
    /// <summary>The schedule in cron syntax: five fields (minute hour day-of-month month day-of-week) or a macro such as <c>@hourly</c>.</summary>
    public string Schedule { get; init; } = string.Empty;

    /// <summary>
    /// The IANA time zone the schedule is read in ("Europe/Paris"). <value>The default value is null: the local time zone
    /// of the injected <see cref="TimeProvider"/> (the controller manager's, in Kubernetes).</value>
    /// </summary>
    public string? TimeZone { get; init; }

    /// <summary>
    /// Seconds after its scheduled time within which a missed run may still start; later it is skipped (MissSchedule).
    /// <value>The default value is null (no deadline).</value>
    /// </summary>
    public long? StartingDeadlineSeconds { get; init; }

    /// <summary>What to do when a run is due while the previous one is still active. <value>The default value is <see cref="ConcurrencyPolicy.Allow"/>.</value></summary>
    public ConcurrencyPolicy ConcurrencyPolicy { get; init; } = ConcurrencyPolicy.Allow;

    /// <summary>While true, no new runs start (active ones continue). <value>The default value is false.</value></summary>
    public bool Suspend { get; init; }

    /// <summary>The Job to create at each run.</summary>
    public JobTemplateSpec JobTemplate { get; init; } = new();

    /// <summary>How many completed Jobs to keep. <value>The default value is 3.</value></summary>
    public int SuccessfulJobsHistoryLimit { get; init; } = 3;

    /// <summary>How many failed Jobs to keep. <value>The default value is 1.</value></summary>
    public int FailedJobsHistoryLimit { get; init; } = 1;
}

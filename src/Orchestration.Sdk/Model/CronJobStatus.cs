namespace Orchestration.Sdk.Model;

/// <summary>The observed state of a CronJob, as Kubernetes' CronJobStatus.</summary>
public sealed record CronJobStatus
{
    /// <summary>The Jobs of this CronJob that are running, by name and uid.</summary>
    public IReadOnlyList<JobReference> Active { get; init => field = ValueCollections.List(value); } = ValueList<JobReference>.Empty;

    /// <summary>The scheduled time of the last Job created. <value>The default value is null.</value></summary>
    public DateTimeOffset? LastScheduleTime { get; init; }

    /// <summary>When a Job of this CronJob last completed successfully. <value>The default value is null.</value></summary>
    public DateTimeOffset? LastSuccessfulTime { get; init; }
}

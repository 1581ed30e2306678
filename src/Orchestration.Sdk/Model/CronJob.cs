namespace Orchestration.Sdk.Model;

/// <summary>Creates Jobs on a cron schedule (batch/v1 CronJob), as Kubernetes' CronJob controller.</summary>
public sealed record CronJob : Resource
{
    /// <summary>The kind name.</summary>
    public const string KindName = "CronJob";

    /// <summary>The annotation on each created Job with the time it was scheduled for (RFC 3339, in the CronJob's time zone).</summary>
    public const string ScheduledTimestampAnnotation = "batch.kubernetes.io/cronjob-scheduled-timestamp";

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <summary>The desired state.</summary>
    public required CronJobSpec Spec { get; init; }

    /// <summary>The observed state.</summary>
    public CronJobStatus Status { get; init; } = new();

    internal override object? SpecObject => Spec;

    internal override object? StatusObject => Status;

    internal override Resource WithStatusOf(Resource other) => this with { Status = ((CronJob)other).Status };
}

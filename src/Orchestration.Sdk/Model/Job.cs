namespace Orchestration.Sdk.Model;

/// <summary>
/// Runs pods to completion (batch/v1 Job): <see cref="JobSpec.Completions"/> successful pods, at most
/// <see cref="JobSpec.Parallelism"/> at a time, failed pods replaced with exponential back-off until
/// <see cref="JobSpec.BackoffLimit"/> is exceeded.
/// </summary>
public sealed record Job : Resource
{
    /// <summary>The kind name.</summary>
    public const string KindName = "Job";

    /// <summary>The label a job's pods carry with the job's name, as Kubernetes 1.27+.</summary>
    public const string JobNameLabel = "batch.kubernetes.io/job-name";

    /// <summary>The label a job's pods carry with the job's uid, as Kubernetes 1.27+.</summary>
    public const string ControllerUidLabel = "batch.kubernetes.io/controller-uid";

    /// <summary>The legacy job-name label Kubernetes still sets on a job's pods.</summary>
    public const string LegacyJobNameLabel = "job-name";

    /// <summary>The legacy controller-uid label Kubernetes still sets on a job's pods.</summary>
    public const string LegacyControllerUidLabel = "controller-uid";

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <summary>The desired state.</summary>
    public required JobSpec Spec { get; init; }

    /// <summary>The observed state.</summary>
    public JobStatus Status { get; init; } = new();

    /// <summary>Whether the job has finished: its Complete or Failed condition is True.</summary>
    public bool IsFinished => Status.Conditions.Find(JobConditionType.Complete)?.IsTrue == true || Status.Conditions.Find(JobConditionType.Failed)?.IsTrue == true;

    internal override object? SpecObject => Spec;

    internal override object? StatusObject => Status;

    internal override Resource WithStatusOf(Resource other) => this with { Status = ((Job)other).Status };
}

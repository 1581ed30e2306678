namespace Orchestration.Sdk.Model;

/// <summary>The desired state of a Job, with Kubernetes' defaults.</summary>
public sealed record JobSpec
{
    /// <summary>
    /// How many pods must succeed. Null is a work queue: the job is complete once any pod succeeded and none is running.
    /// <value>The default value is 1.</value>
    /// </summary>
    public int? Completions { get; init; } = 1;

    /// <summary>How many pods run at most at once; 0 runs none. <value>The default value is 1.</value></summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>
    /// Failed pods (and, under restart policy OnFailure, container restarts) tolerated; one more fails the job with
    /// reason BackoffLimitExceeded. <value>The default value is 6.</value>
    /// </summary>
    public int BackoffLimit { get; init; } = 6;

    /// <summary>
    /// Seconds since the job's start after which it is failed (reason DeadlineExceeded) and its running pods are
    /// deleted. <value>The default value is null (no deadline).</value>
    /// </summary>
    public long? ActiveDeadlineSeconds { get; init; }

    /// <summary>
    /// Seconds after the job finished (Complete or Failed) after which it is deleted with its pods.
    /// <value>The default value is null (kept).</value>
    /// </summary>
    public int? TtlSecondsAfterFinished { get; init; }

    /// <summary>The pods to create; restart policy Never or OnFailure.</summary>
    public PodTemplateSpec Template { get; init; } = new();
}

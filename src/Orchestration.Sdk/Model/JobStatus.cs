namespace Orchestration.Sdk.Model;

/// <summary>The observed state of a Job, as Kubernetes' JobStatus.</summary>
public sealed record JobStatus
{
    /// <summary>Pods pending or running (not terminating).</summary>
    public int Active { get; init; }

    /// <summary>Active pods whose Ready condition is True.</summary>
    public int Ready { get; init; }

    /// <summary>Pods that reached phase Succeeded.</summary>
    public int Succeeded { get; init; }

    /// <summary>Pods that reached phase Failed.</summary>
    public int Failed { get; init; }

    /// <summary>When the job controller started working on the job. <value>The default value is null.</value></summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>When the job completed; only set for a Complete job. <value>The default value is null.</value></summary>
    public DateTimeOffset? CompletionTime { get; init; }

    /// <summary>Complete or Failed once the job has finished, with Kubernetes' reasons and messages.</summary>
    public IReadOnlyList<Condition> Conditions { get; init => field = ValueCollections.List(value); } = ValueList<Condition>.Empty;
}

namespace Orchestration.Sdk.Model;

/// <summary>The condition types, reasons and messages of a Job, in the words of Kubernetes' job controller.</summary>
public static class JobConditionType
{
    /// <summary>The job has completed: enough pods succeeded.</summary>
    public const string Complete = "Complete";

    /// <summary>The job has failed: back-off limit or deadline exceeded.</summary>
    public const string Failed = "Failed";

    /// <summary>The Complete condition's reason.</summary>
    public const string CompletionsReached = "CompletionsReached";

    /// <summary>The Complete condition's message.</summary>
    public const string CompletionsReachedMessage = "Reached expected number of succeeded pods";

    /// <summary>The Failed condition's reason when too many pods failed.</summary>
    public const string BackoffLimitExceeded = "BackoffLimitExceeded";

    /// <summary>The Failed condition's message when too many pods failed.</summary>
    public const string BackoffLimitExceededMessage = "Job has reached the specified backoff limit";

    /// <summary>The Failed condition's reason when the job ran past activeDeadlineSeconds.</summary>
    public const string DeadlineExceeded = "DeadlineExceeded";

    /// <summary>The Failed condition's message when the job ran past activeDeadlineSeconds.</summary>
    public const string DeadlineExceededMessage = "Job was active longer than specified deadline";
}

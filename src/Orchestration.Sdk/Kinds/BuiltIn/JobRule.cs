using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Kinds.BuiltIn;

/// <summary>Jobs (batch/v1), as kubernetes pkg/registry/batch/job/strategy.go and ValidateJob.</summary>
internal sealed class JobRule : BuiltInRule<Job>
{
    public override string Kind => Job.KindName;

    public override string Plural => "jobs";

    public override string Group => "batch";

    public override bool GarbageCollected => true;

    public override IReadOnlyList<TableColumn> PrintColumns { get; } =
    [
        TableColumn.NameColumn,
        Column("Status", "string", "Status of the job.", JobStatusText),
        Column("Completions", "string", "The desired number of successfully finished pods the job should be run with.", CompletionsOf),
        TableColumn.AgeColumn,
    ];

    /// <summary>The STATUS cell, as kubectl's printJob: Complete, Failed, Terminating or Running.</summary>
    internal static string JobStatusText(Job job) =>
        job.Status.Conditions.Find(JobConditionType.Complete)?.IsTrue == true ? "Complete"
        : job.Status.Conditions.Find(JobConditionType.Failed)?.IsTrue == true ? "Failed"
        : job.Metadata.DeletionTimestamp is not null ? "Terminating"
        : "Running";

    /// <summary>The COMPLETIONS cell: "succeeded/completions", or "succeeded/1 of parallelism" for a work queue.</summary>
    internal static string CompletionsOf(Job job) => job.Spec.Completions is { } c
        ? Cells.Ratio(job.Status.Succeeded, c)
        : job.Spec.Parallelism > 1 ? $"{Cells.Ratio(job.Status.Succeeded, 1)} of {job.Spec.Parallelism}" : Cells.Ratio(job.Status.Succeeded, 1);

    /// <summary>A job's pod template is immutable after creation, as Kubernetes' ValidateJobUpdate.</summary>
    public override IReadOnlyList<ValidationError> ValidateUpdate(Job next, Job current)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(current);
        var errors = new List<ValidationError>(ValidateCreate(next));
        var spec = FieldPath.Of(next).Child("spec");
        if (next.Spec.Template != current.Spec.Template)
        {
            errors.Add(FieldErrors.Invalid(spec.Child("template"), "{...}", "field is immutable"));
        }

        if (next.Spec.Completions != current.Spec.Completions)
        {
            errors.Add(FieldErrors.Invalid(spec.Child("completions"), next.Spec.Completions, "field is immutable"));
        }

        return errors;
    }

    public override IReadOnlyList<ValidationError> ValidateStatusUpdate(Job next, Job current)
    {
        ArgumentNullException.ThrowIfNull(next);
        var errors = new List<ValidationError>();
        var s = next.Status;
        WorkloadSpecValidator.ValidateCounters(FieldPath.Of(next).Child("status"), errors, ("active", s.Active), ("ready", s.Ready), ("succeeded", s.Succeeded), ("failed", s.Failed));
        return errors;
    }

    protected override void Validate(Job obj, FieldPath root, bool checkNamespace, List<ValidationError> errors)
    {
        MetadataValidator.Validate(obj.Metadata, root.Child("metadata"), NameRules.Dns1123Subdomain, checkNamespace, errors);
        JobSpecValidator.Validate(obj.Spec, root.Child("spec"), errors);
    }
}

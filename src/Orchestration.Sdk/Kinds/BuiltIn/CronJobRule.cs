using Orchestration.Sdk.Controllers.CronJobs;
using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Kinds.BuiltIn;

/// <summary>CronJobs (batch/v1), as kubernetes pkg/registry/batch/cronjob/strategy.go and ValidateCronJob.</summary>
internal sealed class CronJobRule : BuiltInRule<CronJob>
{
    /// <summary>A CronJob's name leaves room for the "-&lt;minutes&gt;" suffix of its Jobs (63 − 11 characters).</summary>
    private const int MaxNameLength = 52;

    private static readonly string[] Policies = Enum.GetNames<ConcurrencyPolicy>();

    public override string Kind => CronJob.KindName;

    public override string Plural => "cronjobs";

    public override IReadOnlyList<string> ShortNames { get; } = ["cj"];

    public override string Group => "batch";

    public override IReadOnlyList<TableColumn> PrintColumns { get; } =
    [
        TableColumn.NameColumn,
        Column("Schedule", "string", "The schedule in cron format.", c => c.Spec.Schedule),
        Column("Timezone", "string", "The time zone the schedule is read in.", c => c.Spec.TimeZone ?? Cells.None),
        Column("Suspend", "boolean", "Whether new runs are suspended.", c => c.Spec.Suspend ? "True" : "False"),
        Column("Active", "integer", "The number of active jobs.", c => c.Status.Active.Count),
        Column("Last Schedule", "date", "When the last job was scheduled.", c => c.Status.LastScheduleTime),
        TableColumn.AgeColumn,
    ];

    protected override void Validate(CronJob obj, FieldPath root, bool checkNamespace, List<ValidationError> errors)
    {
        var metadata = root.Child("metadata");
        MetadataValidator.Validate(obj.Metadata, metadata, NameRules.Dns1123Subdomain, checkNamespace, errors);
        if (obj.Metadata.Name.Length > MaxNameLength)
        {
            errors.Add(FieldErrors.Invalid(metadata.Child("name"), obj.Metadata.Name, $"must be no more than {MaxNameLength} characters"));
        }

        var spec = root.Child("spec");
        var s = obj.Spec;
        if (string.IsNullOrEmpty(s.Schedule))
        {
            errors.Add(FieldErrors.Required(spec.Child("schedule")));
        }
        else if (CronSchedule.ScheduleError(s.Schedule) is { } scheduleError)
        {
            errors.Add(FieldErrors.Invalid(spec.Child("schedule"), s.Schedule, scheduleError));
        }

        if (CronSchedule.TimeZoneError(s.TimeZone, out _) is { } zoneError)
        {
            errors.Add(FieldErrors.Invalid(spec.Child("timeZone"), s.TimeZone, zoneError));
        }

        if (s.StartingDeadlineSeconds is { } deadline)
        {
            MetadataValidator.ValidateNonNegative(deadline, spec.Child("startingDeadlineSeconds"), errors);
        }

        if (!Enum.IsDefined(s.ConcurrencyPolicy))
        {
            errors.Add(FieldErrors.NotSupported(spec.Child("concurrencyPolicy"), s.ConcurrencyPolicy.ToString(), Policies));
        }

        MetadataValidator.ValidateNonNegative(s.SuccessfulJobsHistoryLimit, spec.Child("successfulJobsHistoryLimit"), errors);
        MetadataValidator.ValidateNonNegative(s.FailedJobsHistoryLimit, spec.Child("failedJobsHistoryLimit"), errors);
        var template = spec.Child("jobTemplate");
        MetadataValidator.ValidateLabels(s.JobTemplate.Labels, template.Child("metadata", "labels"), errors);
        MetadataValidator.ValidateAnnotations(s.JobTemplate.Annotations, template.Child("metadata", "annotations"), errors);
        JobSpecValidator.Validate(s.JobTemplate.Spec, template.Child("spec"), errors);
    }
}

using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Declaration;

/// <summary>
/// Declares a CronJob: the schedule and its policies here, the Jobs it creates through the inherited Job and pod
/// settings. Defaults, as Kubernetes': concurrencyPolicy Allow, no startingDeadlineSeconds, successfulJobsHistoryLimit
/// 3, failedJobsHistoryLimit 1, not suspended, time zone of the injected TimeProvider. Created by
/// <see cref="AppDeclaration.AddCronJob(string)"/>.
/// </summary>
public sealed class CronJobBuilder : JobSettings<CronJobBuilder>, IResourceBuilder
{
    private string _schedule = string.Empty;
    private string? _timeZone;
    private long? _startingDeadlineSeconds;
    private ConcurrencyPolicy _concurrencyPolicy = ConcurrencyPolicy.Allow;
    private bool _suspend;
    private int _successfulJobsHistoryLimit = 3;
    private int _failedJobsHistoryLimit = 1;

    internal CronJobBuilder(string name)
        : base(name)
    {
    }

    string IResourceBuilder.Kind => CronJob.KindName;

    /// <summary>Sets the schedule in cron syntax ("0 3 * * *": five fields, or a macro such as "@hourly"); required. <value>The default value is none.</value></summary>
    /// <param name="schedule">The schedule; TZ= prefixes are refused (use <see cref="WithTimeZone(string)"/>).</param>
    /// <returns>This builder.</returns>
    public CronJobBuilder WithSchedule(string schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        _schedule = schedule;
        return this;
    }

    /// <summary>Reads the schedule in an IANA time zone ("Europe/Paris"). <value>The default value is the local time zone of the injected TimeProvider.</value></summary>
    /// <param name="timeZone">The time zone name.</param>
    /// <returns>This builder.</returns>
    public CronJobBuilder WithTimeZone(string timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        _timeZone = timeZone;
        return this;
    }

    /// <summary>Skips a run that could not start within this time of its scheduled time. <value>The default value is no deadline.</value></summary>
    /// <param name="deadline">The deadline, at least 0; rounded up to whole seconds.</param>
    /// <returns>This builder.</returns>
    public CronJobBuilder WithStartingDeadline(TimeSpan deadline)
    {
        _startingDeadlineSeconds = (long)Math.Ceiling(deadline.TotalSeconds);
        return this;
    }

    /// <summary>Sets what happens when a run is due while the previous one is active. <value>The default value is <see cref="ConcurrencyPolicy.Allow"/>.</value></summary>
    /// <param name="policy">Allow, Forbid or Replace.</param>
    /// <returns>This builder.</returns>
    public CronJobBuilder WithConcurrencyPolicy(ConcurrencyPolicy policy)
    {
        _concurrencyPolicy = policy;
        return this;
    }

    /// <summary>Suspends new runs. <value>The default value is false.</value></summary>
    /// <param name="suspend">Whether new runs are suspended.</param>
    /// <returns>This builder.</returns>
    public CronJobBuilder WithSuspend(bool suspend = true)
    {
        _suspend = suspend;
        return this;
    }

    /// <summary>Sets how many finished Jobs are kept; older ones are deleted with their pods. <value>The default values are 3 successful and 1 failed.</value></summary>
    /// <param name="successful">Completed Jobs kept, at least 0.</param>
    /// <param name="failed">Failed Jobs kept, at least 0.</param>
    /// <returns>This builder.</returns>
    public CronJobBuilder WithHistoryLimits(int successful, int failed)
    {
        _successfulJobsHistoryLimit = successful;
        _failedJobsHistoryLimit = failed;
        return this;
    }

    IReadOnlyList<Resource> IResourceBuilder.Build(DeclarationContext context)
    {
        var root = FieldPath.Of(CronJob.KindName, Name);
        return
        [
            new CronJob
            {
                Metadata = new ObjectMeta
                {
                    Name = Name,
                    Namespace = context.Namespace,
                    Labels = Template.CopyLabels(),
                    Annotations = Template.CopyAnnotations(),
                },
                Spec = new CronJobSpec
                {
                    Schedule = _schedule,
                    TimeZone = _timeZone,
                    StartingDeadlineSeconds = _startingDeadlineSeconds,
                    ConcurrencyPolicy = _concurrencyPolicy,
                    Suspend = _suspend,
                    SuccessfulJobsHistoryLimit = _successfulJobsHistoryLimit,
                    FailedJobsHistoryLimit = _failedJobsHistoryLimit,
                    JobTemplate = new JobTemplateSpec
                    {
                        Labels = Template.CopyLabels(),
                        Spec = JobSpec.Build(Template, root.Child("spec", "jobTemplate").Child("spec"), context.Errors),
                    },
                },
            },
        ];
    }
}

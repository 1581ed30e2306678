using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Controllers.Engine;
using Orchestration.Sdk.Events;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Controllers.CronJobs;

/// <summary>
/// Creates each CronJob's Jobs on its schedule, as Kubernetes' CronJob controller (v2): it follows the Jobs it owns
/// (status.active, lastSuccessfulTime), trims finished ones beyond the history limits, and at the most recent due time
/// since the last run creates <c>&lt;cronjob&gt;-&lt;minutes since the epoch&gt;</c> unless the run is past
/// startingDeadlineSeconds (MissSchedule), suspended, or forbidden by the concurrency policy (Replace deletes the
/// active Jobs first). It then waits on the injected clock until the next run time.
/// </summary>
internal sealed partial class CronJobController(ResourceStore store, ISharedInformerFactory informers, TimeProvider time, IOptions<ControllerOptions> options, ILogger<CronJobController> logger, IEventRecorderFactory? events = null, Orchestration.Sdk.Diagnostics.OrchestrationMetrics? metrics = null)
    : Controller("cronjob-controller", store, informers, time, options.Value, logger, metrics)
{
    private readonly IEventRecorder _events = events?.CreateRecorder("cronjob-controller") ?? NullEventRecorder.Instance;

    // Per CronJob: the resourceVersion of the last Job it created, which the Job informer must reach before it counts again.
    private readonly WriteExpectations _expected = new();

    protected override IReadOnlyList<WatchSource> Sources { get; } =
    [
        WatchSource.Self(CronJob.KindName),
        WatchSource.Owner(Job.KindName, CronJob.KindName),
    ];

    protected override async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var cronJob = Store.Get<CronJob>(key);
        if (cronJob is null || cronJob.Metadata.DeletionTimestamp is not null)
        {
            _expected.Forget(key);
            return ReconcileResult.Done;
        }

        var jobInformer = Informers.For<Job>();
        await jobInformer.WaitForSyncAsync(cancellationToken).ConfigureAwait(false);
        if (!_expected.Satisfied(key, jobInformer.LastResourceVersion))
        {
            return ReconcileResult.Done; // the informer's event of the created Job enqueues this key again
        }

        var now = Time.GetUtcNow();

        // Owned jobs as the store has them now (a job this loop created a moment ago may not be in the informer yet).
        var owned = jobInformer.ByIndex(InformerIndexes.Owner, cronJob.Metadata.Uid)
            .Select(j => Store.Get<Job>(j.Key)).OfType<Job>().Where(j => j.Metadata.DeletionTimestamp is null).ToList();
        var status = Follow(cronJob, owned);
        owned = CronJobHistory.Trim(Store, owned, cronJob.Spec, now);

        var schedule = CronSchedule.TryParse(cronJob.Spec.Schedule, cronJob.Spec.TimeZone, Time.LocalTimeZone, out var error);
        if (schedule is null)
        {
            _events.Warning(cronJob, "UnparseableSchedule", $"unparseable schedule: \"{cronJob.Spec.Schedule}\" : {error}");
            WriteStatus(key, status);
            return ReconcileResult.Done;
        }

        if (!cronJob.Spec.Suspend)
        {
            status = Run(cronJob, schedule, status, owned, now);
        }

        WriteStatus(key, status);

        // The next run counted from the time this sync looked at, asked for as an instant: a clock that moved on meanwhile
        // (past the next run) brings the key back at once instead of one period late.
        return schedule.Next(now) is { } next ? ReconcileResult.At(next) : ReconcileResult.Done;
    }

    /// <summary>status.active from the owned jobs; lastSuccessfulTime from the latest completed one.</summary>
    private static CronJobStatus Follow(CronJob cronJob, IReadOnlyList<Job> owned)
    {
        var active = owned.Where(j => !j.IsFinished).OrderBy(j => j.Metadata.Name, StringComparer.Ordinal).Select(j => new JobReference(j.Metadata.Name, j.Metadata.Uid)).ToList();
        var lastSuccess = owned.Where(j => j.Status.CompletionTime is not null).Select(j => j.Status.CompletionTime).Max();
        return cronJob.Status with
        {
            Active = active,
            LastSuccessfulTime = lastSuccess is { } t && (cronJob.Status.LastSuccessfulTime is not { } before || t > before) ? t : cronJob.Status.LastSuccessfulTime,
        };
    }

    /// <summary>Starts the run due now, if any; returns the status with it.</summary>
    private CronJobStatus Run(CronJob cronJob, CronSchedule schedule, CronJobStatus status, List<Job> owned, DateTimeOffset now)
    {
        var earliest = status.LastScheduleTime ?? cronJob.Metadata.CreationTimestamp;
        if (cronJob.Spec.StartingDeadlineSeconds is { } deadline && now - TimeSpan.FromSeconds(deadline) > earliest)
        {
            earliest = now - TimeSpan.FromSeconds(deadline);
        }

        var (due, missed) = schedule.MostRecent(earliest, now);
        if (due is not { } scheduled)
        {
            return status;
        }

        if (missed > CronSchedule.MaxMissed)
        {
            _events.Warning(cronJob, "TooManyMissedTimes", "too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew");
        }

        if (cronJob.Spec.StartingDeadlineSeconds is { } seconds && scheduled < now - TimeSpan.FromSeconds(seconds))
        {
            _events.Warning(cronJob, "MissSchedule", $"Missed scheduled time to start a job: {scheduled.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture)}");
            return status;
        }

        var name = JobName(cronJob, scheduled);
        if (owned.Any(j => j.Metadata.Name == name))
        {
            return status; // this run was already started
        }

        var active = owned.Where(j => !j.IsFinished).ToList();
        if (active.Count > 0 && cronJob.Spec.ConcurrencyPolicy == ConcurrencyPolicy.Forbid)
        {
            LogSkipped(Logger, cronJob.Metadata.Name, Format(scheduled, schedule.Zone));
            return status;
        }

        if (cronJob.Spec.ConcurrencyPolicy == ConcurrencyPolicy.Replace)
        {
            foreach (var job in active)
            {
                TryDelete(job.Key, now);
                _events.Normal(cronJob, "SuccessfulDelete", $"Deleted job {job.Metadata.Name}");
            }

            status = status with { Active = [] };
        }

        Job created;
        try
        {
            created = Store.Create(NewJob(cronJob, name, scheduled, schedule.Zone));
        }
        catch (AlreadyExistsException)
        {
            return status with { LastScheduleTime = scheduled }; // made by an earlier attempt whose status write was lost
        }

        _expected.Record(cronJob.Key, created.Metadata.ResourceVersion);
        _events.Normal(cronJob, "SuccessfulCreate", $"Created job {created.Metadata.Name}");
        LogCreated(Logger, cronJob.Metadata.Name, created.Metadata.Name);
        return status with
        {
            Active = [.. status.Active, new JobReference(created.Metadata.Name, created.Metadata.Uid)],
            LastScheduleTime = scheduled,
        };
    }

    /// <summary>"nightly-29430720": the scheduled time in minutes since the Unix epoch, as Kubernetes names them.</summary>
    internal static string JobName(CronJob cronJob, DateTimeOffset scheduled) =>
        string.Create(CultureInfo.InvariantCulture, $"{cronJob.Metadata.Name}-{scheduled.ToUnixTimeSeconds() / 60}");

    private static Job NewJob(CronJob cronJob, string name, DateTimeOffset scheduled, TimeZoneInfo zone)
    {
        var template = cronJob.Spec.JobTemplate;
        var annotations = new Dictionary<string, string>(template.Annotations, StringComparer.Ordinal) { [CronJob.ScheduledTimestampAnnotation] = Format(scheduled, zone) };
        return new Job
        {
            Metadata = new ObjectMeta
            {
                Name = name,
                Namespace = cronJob.Metadata.Namespace,
                Labels = template.Labels,
                Annotations = annotations,
                OwnerReferences = [new OwnerReference(CronJob.KindName, cronJob.Metadata.Name, cronJob.Metadata.Uid)],
            },
            Spec = template.Spec,
        };
    }

    private static string Format(DateTimeOffset time, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(time, zone).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);

    private void WriteStatus(ObjectKey key, CronJobStatus status) =>
        Store.Mutate<CronJob>(key, c => c.Status == status ? c : c with { Status = status }, statusOnly: true);

    private void TryDelete(ObjectKey key, DateTimeOffset now)
    {
        try
        {
            Store.Delete(key, DeletionPropagation.Background, null, now);
        }
        catch (NotFoundException)
        {
        }
    }

    [LoggerMessage(EventId = 1801, Level = LogLevel.Information, Message = "CronJob {CronJob}: created job {Job}")]
    private static partial void LogCreated(ILogger logger, string cronJob, string job);

    [LoggerMessage(EventId = 1802, Level = LogLevel.Information, Message = "CronJob {CronJob}: run of {Scheduled} skipped, a job is still active (concurrencyPolicy Forbid)")]
    private static partial void LogSkipped(ILogger logger, string cronJob, string scheduled);
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Controllers.Engine;
using Orchestration.Sdk.Events;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Controllers.Jobs;

/// <summary>
/// Runs each Job's pods to completion, as Kubernetes' job controller: keeps min(parallelism, completions − succeeded)
/// pods active, replaces failed pods after an exponential back-off (10 s doubling, capped at 6 min), fails the job
/// when more pods failed than backoffLimit allows (BackoffLimitExceeded) or when it ran past activeDeadlineSeconds
/// (DeadlineExceeded), marks it Complete once enough pods succeeded, and deletes a finished job once
/// ttlSecondsAfterFinished has passed (the ttl-after-finished controller's job). Every delay is on the injected clock.
/// As the ReplicaSet controller, after a pod write it counts again only once the Pod informer has seen that write.
/// Counts come from the pods that exist (as Kubernetes before its tracking finalizers): a failed pod someone deletes
/// no longer counts against the limit.
/// </summary>
internal sealed partial class JobController(ResourceStore store, ISharedInformerFactory informers, TimeProvider time, IOptions<ControllerOptions> options, ILogger<JobController> logger, IEventRecorderFactory? events = null, Orchestration.Sdk.Diagnostics.OrchestrationMetrics? metrics = null)
    : Controller("job-controller", store, informers, time, options.Value, logger, metrics)
{
    private readonly IEventRecorder _events = events?.CreateRecorder("job-controller") ?? NullEventRecorder.Instance;
    private readonly WriteExpectations _expected = new();

    protected override IReadOnlyList<WatchSource> Sources { get; } =
    [
        WatchSource.Self(Job.KindName),
        WatchSource.Owner(Pod.KindName, Job.KindName),
    ];

    protected override async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var job = Store.Get<Job>(key);
        if (job is null || job.Metadata.DeletionTimestamp is not null)
        {
            _expected.Forget(key);
            return ReconcileResult.Done;
        }

        var now = Time.GetUtcNow();
        if (job.IsFinished)
        {
            return ExpireFinished(job, now);
        }

        var podInformer = Informers.For<Pod>();
        await podInformer.WaitForSyncAsync(cancellationToken).ConfigureAwait(false);
        if (!_expected.Satisfied(key, podInformer.LastResourceVersion))
        {
            return ReconcileResult.Done; // the informer's event of that write enqueues this key again
        }

        var pods = new JobPods(job, podInformer.ByIndex(InformerIndexes.Owner, job.Metadata.Uid));
        var start = job.Status.StartTime ?? now;
        var outcome = Decide(job, pods, start, now);
        long written = 0;
        TimeSpan? requeue = null;
        if (outcome is not null)
        {
            // Finished: no pod of it keeps running (Kubernetes deletes the active pods of a finished job).
            foreach (var pod in pods.Active)
            {
                written = Math.Max(written, Store.DeletePod(pod, now) ?? 0);
                _events.Normal(job, "SuccessfulDelete", $"Deleted pod: {pod.Metadata.Name}");
            }

            pods.Active.Clear();
        }
        else
        {
            requeue = Scale(job, pods, now, ref written);
            if (job.Spec.ActiveDeadlineSeconds is { } deadline)
            {
                // From the clock as it is now, not as this sync began: a clock moved on meanwhile must not push the deadline out.
                requeue = Earliest(requeue, start + TimeSpan.FromSeconds(deadline) - Time.GetUtcNow());
            }
        }

        if (written > 0)
        {
            _expected.Record(key, written);
        }

        var status = NextStatus(job, pods, start, outcome, now);
        var stored = Store.Mutate<Job>(key, j => j.Status == status ? j : j with { Status = status }, statusOnly: true);
        if (outcome is { } finished && stored is not null)
        {
            Report(job, finished);
            return ExpireFinished(stored, now);
        }

        return requeue is { } after ? ReconcileResult.After(after) : ReconcileResult.Done;
    }

    /// <summary>The finishing condition the job reaches now, or null while it runs.</summary>
    private static Condition? Decide(Job job, JobPods pods, DateTimeOffset start, DateTimeOffset now)
    {
        if (pods.Failed + pods.Restarts > job.Spec.BackoffLimit)
        {
            return new Condition(JobConditionType.Failed, ConditionStatus.True, JobConditionType.BackoffLimitExceeded, JobConditionType.BackoffLimitExceededMessage, now, now);
        }

        if (job.Spec.ActiveDeadlineSeconds is { } deadline && now >= start + TimeSpan.FromSeconds(deadline))
        {
            return new Condition(JobConditionType.Failed, ConditionStatus.True, JobConditionType.DeadlineExceeded, JobConditionType.DeadlineExceededMessage, now, now);
        }

        var complete = job.Spec.Completions is { } completions
            ? pods.Succeeded >= completions
            : pods.Succeeded > 0 && pods.Active.Count == 0;
        return complete
            ? new Condition(JobConditionType.Complete, ConditionStatus.True, JobConditionType.CompletionsReached, JobConditionType.CompletionsReachedMessage, now, now)
            : null;
    }

    /// <summary>Creates or deletes pods toward the wanted number of active ones; returns when to look again.</summary>
    private TimeSpan? Scale(Job job, JobPods pods, DateTimeOffset now, ref long written)
    {
        var want = job.Spec.Completions is { } completions
            ? Math.Min(job.Spec.Parallelism, completions - pods.Succeeded)
            : pods.Succeeded > 0 ? 0 : job.Spec.Parallelism;
        var diff = want - pods.Active.Count;
        if (diff < 0)
        {
            foreach (var extra in pods.Active.OrderByDescending(p => p.Metadata.CreationTimestamp).Take(-diff).ToList())
            {
                written = Math.Max(written, Store.DeletePod(extra, now) ?? 0);
                pods.Active.Remove(extra);
                _events.Normal(job, "SuccessfulDelete", $"Deleted pod: {extra.Metadata.Name}");
            }

            return null;
        }

        if (diff == 0)
        {
            return null;
        }

        if (pods.LastFailure is { } failedAt && failedAt + JobBackoff.Delay(pods.FailuresAfterLastSuccess) - Time.GetUtcNow() is var wait && wait > TimeSpan.Zero)
        {
            return wait; // back-off before replacing failed pods
        }

        for (var i = 0; i < diff; i++)
        {
            var pod = Store.Create(JobPods.New(job));
            written = Math.Max(written, pod.Metadata.ResourceVersion);
            pods.Active.Add(pod);
            LogCreatedPod(Logger, job.Metadata.Name, pod.Metadata.Name);
            _events.Normal(job, "SuccessfulCreate", $"Created pod: {pod.Metadata.Name}");
        }

        return null;
    }

    private static JobStatus NextStatus(Job job, JobPods pods, DateTimeOffset start, Condition? outcome, DateTimeOffset now)
    {
        var conditions = outcome is null ? job.Status.Conditions : job.Status.Conditions.Set(outcome);
        return job.Status with
        {
            Active = pods.Active.Count,
            Ready = pods.Active.Count(p => p.Status.IsReady),
            Succeeded = pods.Succeeded,
            Failed = pods.Failed,
            StartTime = start,
            CompletionTime = outcome?.Type == JobConditionType.Complete ? now : job.Status.CompletionTime,
            Conditions = conditions,
        };
    }

    private void Report(Job job, Condition outcome)
    {
        if (outcome.Type == JobConditionType.Complete)
        {
            _events.Normal(job, "Completed", "Job completed");
        }
        else
        {
            _events.Warning(job, outcome.Reason!, outcome.Message!);
        }

        LogFinished(Logger, job.Metadata.Name, outcome.Type, outcome.Reason ?? string.Empty);
    }

    /// <summary>Deletes a finished job once ttlSecondsAfterFinished has passed (foreground, as the TTL-after-finished controller).</summary>
    private ReconcileResult ExpireFinished(Job job, DateTimeOffset now)
    {
        if (job.Spec.TtlSecondsAfterFinished is not { } ttl)
        {
            return ReconcileResult.Done;
        }

        var finishedAt = job.Status.CompletionTime ?? job.Status.Conditions.Find(JobConditionType.Failed)?.LastTransitionTime ?? now;
        var remaining = finishedAt + TimeSpan.FromSeconds(ttl) - Time.GetUtcNow();
        if (remaining > TimeSpan.Zero)
        {
            return ReconcileResult.After(remaining);
        }

        try
        {
            Store.Delete(job.Key, DeletionPropagation.Foreground, job.Metadata.ResourceVersion, now);
            LogExpired(Logger, job.Metadata.Name, ttl);
        }
        catch (NotFoundException)
        {
        }

        return ReconcileResult.Done;
    }

    private static TimeSpan? Earliest(TimeSpan? a, TimeSpan b) => a is { } x && x < b ? x : b;

    [LoggerMessage(EventId = 1701, Level = LogLevel.Information, Message = "Job {Job}: created pod {Pod}")]
    private static partial void LogCreatedPod(ILogger logger, string job, string pod);

    [LoggerMessage(EventId = 1702, Level = LogLevel.Information, Message = "Job {Job}: {Condition} ({Reason})")]
    private static partial void LogFinished(ILogger logger, string job, string condition, string reason);

    [LoggerMessage(EventId = 1703, Level = LogLevel.Information, Message = "Job {Job}: deleted {Ttl} seconds after it finished (ttlSecondsAfterFinished)")]
    private static partial void LogExpired(ILogger logger, string job, int ttl);
}

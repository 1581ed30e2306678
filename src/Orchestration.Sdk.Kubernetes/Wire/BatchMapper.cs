using k8s.Models;
using Orchestration.Sdk.Model;
using static Orchestration.Sdk.Kubernetes.Wire.MetaMapper;

namespace Orchestration.Sdk.Kubernetes.Wire;

/// <summary>Maps Jobs and CronJobs (batch/v1) with the defaults kube-apiserver fills in.</summary>
internal static class BatchMapper
{
    public static V1Job ToWire(Job job) => new()
    {
        ApiVersion = "batch/v1",
        Kind = Job.KindName,
        Metadata = MetaMapper.ToWire(job.Metadata, namespaced: true),
        Spec = ToWire(job.Spec, job.Metadata.Uid),
        Status = new V1JobStatus
        {
            Active = NonZero(job.Status.Active),
            Ready = job.Status.Ready,
            Succeeded = NonZero(job.Status.Succeeded),
            Failed = NonZero(job.Status.Failed),
            StartTime = job.Status.StartTime?.UtcDateTime,
            CompletionTime = job.Status.CompletionTime?.UtcDateTime,
            Conditions = List(job.Status.Conditions.Select(c => new V1JobCondition
            {
                Type = c.Type, Status = c.Status, Reason = c.Reason, Message = c.Message,
                LastTransitionTime = Time(c.LastTransitionTime), LastProbeTime = Time(c.LastUpdateTime == default ? c.LastTransitionTime : c.LastUpdateTime),
            })),
        },
    };

    public static Job FromWire(V1Job job) => new()
    {
        Metadata = MetaMapper.FromWire(job.Metadata, namespaced: true),
        Spec = FromWire(job.Spec),
        Status = job.Status is not { } s ? new JobStatus() : new JobStatus
        {
            Active = s.Active ?? 0,
            Ready = s.Ready ?? 0,
            Succeeded = s.Succeeded ?? 0,
            Failed = s.Failed ?? 0,
            StartTime = s.StartTime is { } start ? Time((DateTime?)start) : null,
            CompletionTime = s.CompletionTime is { } done ? Time((DateTime?)done) : null,
            Conditions = s.Conditions?.Select(c => Condition(c.Type, c.Status, c.Reason, c.Message, c.LastTransitionTime, c.LastProbeTime)).ToList() ?? [],
        },
    };

    /// <summary>A job spec; the selector is the one kube-apiserver generates (the job's controller-uid label).</summary>
    public static V1JobSpec ToWire(JobSpec spec, string? uid) => new()
    {
        Completions = spec.Completions,
        Parallelism = spec.Parallelism,
        BackoffLimit = spec.BackoffLimit,
        ActiveDeadlineSeconds = spec.ActiveDeadlineSeconds,
        TtlSecondsAfterFinished = spec.TtlSecondsAfterFinished,
        CompletionMode = "NonIndexed",
        Suspend = false,
        ManualSelector = null,
        PodReplacementPolicy = "TerminatingOrFailed",
        Selector = string.IsNullOrEmpty(uid) ? null : new V1LabelSelector { MatchLabels = new Dictionary<string, string> { [Job.ControllerUidLabel] = uid } },
        Template = PodMapper.ToWire(spec.Template),
    };

    public static JobSpec FromWire(V1JobSpec? spec)
    {
        // As kube-apiserver's defaults: with neither set, completions and parallelism are 1; parallelism alone is a work queue.
        var parallelism = spec?.Parallelism ?? 1;
        return new JobSpec
        {
            Completions = spec?.Completions ?? (spec?.Parallelism is null ? 1 : null),
            Parallelism = parallelism,
            BackoffLimit = spec?.BackoffLimit ?? 6,
            ActiveDeadlineSeconds = spec?.ActiveDeadlineSeconds,
            TtlSecondsAfterFinished = spec?.TtlSecondsAfterFinished,
            Template = PodMapper.FromWire(spec?.Template),
        };
    }

    public static V1CronJob ToWire(CronJob cronJob) => new()
    {
        ApiVersion = "batch/v1",
        Kind = CronJob.KindName,
        Metadata = MetaMapper.ToWire(cronJob.Metadata, namespaced: true),
        Spec = new V1CronJobSpec
        {
            Schedule = cronJob.Spec.Schedule,
            TimeZone = cronJob.Spec.TimeZone,
            StartingDeadlineSeconds = cronJob.Spec.StartingDeadlineSeconds,
            ConcurrencyPolicy = cronJob.Spec.ConcurrencyPolicy.ToString(),
            Suspend = cronJob.Spec.Suspend,
            SuccessfulJobsHistoryLimit = cronJob.Spec.SuccessfulJobsHistoryLimit,
            FailedJobsHistoryLimit = cronJob.Spec.FailedJobsHistoryLimit,
            JobTemplate = new V1JobTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = Map(cronJob.Spec.JobTemplate.Labels), Annotations = Map(cronJob.Spec.JobTemplate.Annotations) },
                Spec = ToWire(cronJob.Spec.JobTemplate.Spec, uid: null),
            },
        },
        Status = new V1CronJobStatus
        {
            Active = List(cronJob.Status.Active.Select(j => new V1ObjectReference { ApiVersion = "batch/v1", Kind = Job.KindName, Name = j.Name, NamespaceProperty = cronJob.Metadata.Namespace, Uid = j.Uid })),
            LastScheduleTime = cronJob.Status.LastScheduleTime?.UtcDateTime,
            LastSuccessfulTime = cronJob.Status.LastSuccessfulTime?.UtcDateTime,
        },
    };

    /// <summary>A CronJob with kube-apiserver's defaults (Allow, not suspended, history limits 3 and 1).</summary>
    public static CronJob FromWire(V1CronJob cronJob) => new()
    {
        Metadata = MetaMapper.FromWire(cronJob.Metadata, namespaced: true),
        Spec = new CronJobSpec
        {
            Schedule = cronJob.Spec?.Schedule ?? string.Empty,
            TimeZone = Empty(cronJob.Spec?.TimeZone),
            StartingDeadlineSeconds = cronJob.Spec?.StartingDeadlineSeconds,
            ConcurrencyPolicy = Enum(cronJob.Spec?.ConcurrencyPolicy, ConcurrencyPolicy.Allow),
            Suspend = cronJob.Spec?.Suspend ?? false,
            SuccessfulJobsHistoryLimit = cronJob.Spec?.SuccessfulJobsHistoryLimit ?? 3,
            FailedJobsHistoryLimit = cronJob.Spec?.FailedJobsHistoryLimit ?? 1,
            JobTemplate = new JobTemplateSpec
            {
                Labels = Map(cronJob.Spec?.JobTemplate?.Metadata?.Labels),
                Annotations = Map(cronJob.Spec?.JobTemplate?.Metadata?.Annotations),
                Spec = FromWire(cronJob.Spec?.JobTemplate?.Spec),
            },
        },
        Status = cronJob.Status is not { } s ? new CronJobStatus() : new CronJobStatus
        {
            Active = s.Active?.Select(r => new JobReference(r.Name ?? string.Empty, r.Uid ?? string.Empty)).ToList() ?? [],
            LastScheduleTime = s.LastScheduleTime is { } last ? Time((DateTime?)last) : null,
            LastSuccessfulTime = s.LastSuccessfulTime is { } ok ? Time((DateTime?)ok) : null,
        },
    };

    private static int? NonZero(int value) => value == 0 ? null : value;
}

using Orchestration.Sdk.Controllers.Engine;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Controllers.Jobs;

/// <summary>A job's pods counted as the job controller counts them, and the pods it creates.</summary>
internal sealed class JobPods
{
    public JobPods(Job job, IReadOnlyList<Pod> owned)
    {
        var live = owned.Where(p => !p.IsTerminating()).ToList();
        Active = [.. live.Where(p => p.Status.Phase is not (PodPhase.Succeeded or PodPhase.Failed))];
        var succeeded = owned.Where(p => p.Status.Phase == PodPhase.Succeeded).ToList();
        var failed = owned.Where(p => p.Status.Phase == PodPhase.Failed).ToList();
        Succeeded = succeeded.Count;
        Failed = failed.Count;
        Restarts = job.Spec.Template.Spec.RestartPolicy == RestartPolicy.OnFailure ? Active.Sum(p => p.Status.RestartCount + p.Status.InitContainerStatuses.Sum(c => c.RestartCount)) : 0;
        var lastSuccess = succeeded.Count == 0 ? DateTimeOffset.MinValue : succeeded.Max(FinishedAt);
        var failedSince = failed.Where(p => FinishedAt(p) > lastSuccess).ToList();
        FailuresAfterLastSuccess = failedSince.Count;
        LastFailure = failedSince.Count == 0 ? null : failedSince.Max(FinishedAt);
    }

    /// <summary>Pods pending or running, not terminating.</summary>
    public List<Pod> Active { get; }

    public int Succeeded { get; }

    public int Failed { get; }

    /// <summary>Under restart policy OnFailure, the container restarts of active pods (they count against the back-off limit).</summary>
    public int Restarts { get; }

    public int FailuresAfterLastSuccess { get; }

    public DateTimeOffset? LastFailure { get; }

    /// <summary>When a finished pod finished: its containers' last finish time, else its last condition change.</summary>
    public static DateTimeOffset FinishedAt(Pod pod)
    {
        var finished = pod.Status.ContainerStatuses.Select(c => c.State.Terminated?.FinishedAt).Where(t => t is not null).Max();
        return finished ?? pod.Status.Conditions.Select(c => (DateTimeOffset?)c.LastTransitionTime).Max() ?? pod.Metadata.CreationTimestamp;
    }

    /// <summary>A new pod of the job, labelled and owned as Kubernetes' job controller makes them.</summary>
    public static Pod New(Job job)
    {
        var labels = new Dictionary<string, string>(job.Spec.Template.Labels, StringComparer.Ordinal)
        {
            [Job.ControllerUidLabel] = job.Metadata.Uid,
            [Job.JobNameLabel] = job.Metadata.Name,
            [Job.LegacyControllerUidLabel] = job.Metadata.Uid,
            [Job.LegacyJobNameLabel] = job.Metadata.Name,
        };
        return new Pod
        {
            Metadata = new ObjectMeta
            {
                Name = Names.Generate(job.Metadata.Name),
                Namespace = job.Metadata.Namespace,
                Labels = labels,
                Annotations = job.Spec.Template.Annotations,
                OwnerReferences = [new OwnerReference(Job.KindName, job.Metadata.Name, job.Metadata.Uid)],
            },
            Spec = job.Spec.Template.Spec with { NodeName = null },
        };
    }
}

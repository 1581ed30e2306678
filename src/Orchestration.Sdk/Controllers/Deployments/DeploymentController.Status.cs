using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Controllers.Engine;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Controllers.Deployments;

internal sealed partial class DeploymentController
{
    /// <summary>Annotation listing template hashes that failed a rollout; auto-rollback never returns to them.</summary>
    internal const string FailedTemplatesAnnotation = WellKnownAnnotations.FailedTemplates;

    /// <summary>Annotation recording the last automatic rollback and why.</summary>
    internal const string AutoRollbackAnnotation = WellKnownAnnotations.AutoRollback;

    /// <summary>Restarts of a crash-looping new pod after which an auto-rollback deployment gives up on the revision.</summary>
    internal const int CrashLoopRestartLimit = 3;

    private ReconcileResult WriteStatus(Deployment d, ReplicaSet? newRs, bool created)
    {
        var all = Owned(d);
        var now = Time.GetUtcNow();
        var status = d.Status with
        {
            ObservedGeneration = d.Metadata.Generation,
            Replicas = all.Sum(r => r.Status.Replicas),
            UpdatedReplicas = newRs is null ? 0 : all.FirstOrDefault(r => r.Metadata.Uid == newRs.Metadata.Uid)?.Status.Replicas ?? 0,
            ReadyReplicas = all.Sum(r => r.Status.ReadyReplicas),
            AvailableReplicas = all.Sum(r => r.Status.AvailableReplicas),
        };

        var minAvailable = d.Spec.Replicas - RollingBounds.Resolve(d.Spec.Replicas, d.Spec.Strategy).MaxUnavailable;
        var conditions = status.Conditions.Set(status.AvailableReplicas >= minAvailable
            ? new Condition(DeploymentConditionType.Available, ConditionStatus.True, "MinimumReplicasAvailable", "Deployment has minimum availability.", now, now)
            : new Condition(DeploymentConditionType.Available, ConditionStatus.False, "MinimumReplicasUnavailable", "Deployment does not have minimum availability.", now, now));

        var (progressing, recheck) = Progress(d, newRs, status, created, now);
        status = status with { Conditions = conditions.Set(progressing) };

        Store.Mutate<Deployment>(d.Key, current => SameStatus(current.Status, status) ? current : current with { Status = status }, statusOnly: true);

        if (d.Spec.AutoRollback && newRs is not null && FailureOf(d, newRs, progressing) is { } reason)
        {
            AutoRollback(d, newRs, reason);
        }

        return recheck is { } after ? ReconcileResult.After(after) : ReconcileResult.Done;
    }

    /// <summary>The Progressing condition, as Kubernetes' deployment controller keeps it, and when to look again for the deadline.</summary>
    private static (Condition Condition, TimeSpan? Recheck) Progress(Deployment d, ReplicaSet? newRs, DeploymentStatus status, bool created, DateTimeOffset now)
    {
        var rsName = newRs?.Metadata.Name ?? d.Metadata.Name;
        var previous = d.Status.Conditions.Find(DeploymentConditionType.Progressing);
        if (d.Spec.Paused)
        {
            return (new Condition(DeploymentConditionType.Progressing, ConditionStatus.Unknown, "DeploymentPaused", "Deployment is paused", now, now), null);
        }

        var complete = status.UpdatedReplicas == d.Spec.Replicas && status.Replicas == d.Spec.Replicas && status.AvailableReplicas == d.Spec.Replicas;
        if (complete)
        {
            var done = new Condition(DeploymentConditionType.Progressing, ConditionStatus.True, "NewReplicaSetAvailable", $"ReplicaSet \"{rsName}\" has successfully progressed.", now, now);
            return (previous is not null && previous.Reason == done.Reason && previous.Message == done.Message ? previous : done, null);
        }

        var moved = created || previous is null ||
            status.UpdatedReplicas != d.Status.UpdatedReplicas || status.Replicas != d.Status.Replicas ||
            status.AvailableReplicas != d.Status.AvailableReplicas || status.ReadyReplicas != d.Status.ReadyReplicas ||
            previous.Reason == "NewReplicaSetAvailable" || (previous.Reason == "DeploymentPaused");
        var deadline = TimeSpan.FromSeconds(d.Spec.ProgressDeadlineSeconds);
        if (moved)
        {
            var progressing = created
                ? new Condition(DeploymentConditionType.Progressing, ConditionStatus.True, "NewReplicaSetCreated", $"Created new replica set \"{rsName}\"", now, now)
                : new Condition(DeploymentConditionType.Progressing, ConditionStatus.True, "ReplicaSetUpdated", $"ReplicaSet \"{rsName}\" is progressing.", now, now);
            return (progressing, deadline);
        }

        if (previous!.Reason == "ProgressDeadlineExceeded")
        {
            return (previous, null);
        }

        var remaining = previous.LastUpdateTime + deadline - now;
        if (remaining > TimeSpan.Zero)
        {
            return (previous, remaining);
        }

        return (new Condition(DeploymentConditionType.Progressing, ConditionStatus.False, "ProgressDeadlineExceeded", $"ReplicaSet \"{rsName}\" has timed out progressing.", now, now), null);
    }

    private string? FailureOf(Deployment d, ReplicaSet newRs, Condition progressing)
    {
        if (progressing.Reason == "ProgressDeadlineExceeded")
        {
            return $"progress deadline of {d.Spec.ProgressDeadlineSeconds}s exceeded";
        }

        var crashing = PodsOf(newRs)
            .SelectMany(p => p.Status.ContainerStatuses.Select(c => (Pod: p, Container: c)))
            .FirstOrDefault(x => x.Container.RestartCount >= CrashLoopRestartLimit && x.Container.State.Waiting?.Reason == "CrashLoopBackOff");
        return crashing.Pod is null ? null : $"container {crashing.Container.Name} of pod {crashing.Pod.Metadata.Name} is crash-looping ({crashing.Container.RestartCount} restarts)";
    }

    private void AutoRollback(Deployment d, ReplicaSet failed, string reason)
    {
        var failedHash = failed.Metadata.Labels.GetValueOrDefault(ReplicaSet.PodTemplateHashLabel) ?? string.Empty;
        var known = d.Metadata.Annotations.GetValueOrDefault(FailedTemplatesAnnotation)?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var failedSet = known.Append(failedHash).ToHashSet(StringComparer.Ordinal);
        var target = Revisions.Previous(Owned(d), failed, r => !failedSet.Contains(r.Metadata.Labels.GetValueOrDefault(ReplicaSet.PodTemplateHashLabel) ?? string.Empty));
        if (target is null)
        {
            return;
        }

        var message = $"rolled back from revision {Revisions.Of(failed)} to {Revisions.Of(target)}: {reason}";
        Store.Mutate<Deployment>(d.Key, current => current.Metadata.Uid != d.Metadata.Uid ? current : current with
        {
            Metadata = current.Metadata with
            {
                Annotations = new Dictionary<string, string>(current.Metadata.Annotations)
                {
                    [FailedTemplatesAnnotation] = string.Join(",", failedSet.Order(StringComparer.Ordinal)),
                    [AutoRollbackAnnotation] = message,
                },
            },
            Spec = current.Spec with { Template = Revisions.TemplateOf(target) },
        });
        LogAutoRollback(Logger, d.Metadata.Name, message);
    }

    private static bool SameStatus(DeploymentStatus a, DeploymentStatus b) =>
        a with { Conditions = [] } == b with { Conditions = [] } &&
        a.Conditions.Count == b.Conditions.Count &&
        a.Conditions.All(c => b.Conditions.Find(c.Type) == c);

    [LoggerMessage(EventId = 1351, Level = LogLevel.Warning, Message = "Deployment {Deployment}: {Message}")]
    private static partial void LogAutoRollback(ILogger logger, string deployment, string message);
}

using Orchestration.Sdk.Diagnostics;
using Orchestration.Sdk.Events;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Scheduling;

internal sealed partial class Scheduler
{
    private const string ReasonUnschedulable = "Unschedulable";
    private const string ReasonSchedulerError = "SchedulerError";

    private void ScheduleOne(PodRecord record)
    {
        using var activity = OrchestrationActivities.StartSchedulingAttempt(record.Info.Pod);
        long? started = _metrics is { SchedulerEnabled: true } ? _time.GetTimestamp() : null;
        string outcome;
        try
        {
            var result = _framework.Schedule(record.Info, _cache.Nodes);
            if (result.Node is { } node)
            {
                activity?.SetTag(K8sAttributes.NodeName, node.Name);
                outcome = Bind(record, node, result) ? OrchestrationMetrics.Scheduled : OrchestrationMetrics.Error;
            }
            else
            {
                MarkUnschedulable(record, result.IsError ? ReasonSchedulerError : ReasonUnschedulable, result.Message!, result.IsError || result.RejectedByResources);
                outcome = result.IsError ? OrchestrationMetrics.Error : OrchestrationMetrics.Unschedulable;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            SchedulerLog.AttemptFailed(_logger, record.Info.Pod.Key.Display, ex);
            OrchestrationActivities.Fail(activity, ex);
            _cache.Forget(record);
            if (record.IsPending)
            {
                _queue.MarkUnschedulable(record, _time.GetUtcNow(), rejectedByResources: true);
            }

            outcome = OrchestrationMetrics.Error;
        }

        activity?.SetTag(K8sAttributes.SchedulerResult, outcome);
        if (started is { } since)
        {
            _metrics!.RecordSchedulingAttempt(_time.GetElapsedTime(since), outcome);
        }
    }

    /// <summary>
    /// Assumes the pod on the node, then binds it if it is still the same unbound pod: spec.nodeName and
    /// PodScheduled=True in one store write, as Kubernetes' binding subresource. Returns whether the pod was bound.
    /// </summary>
    private bool Bind(PodRecord record, NodeInfo node, ScheduleResult result)
    {
        var pod = record.Info.Pod;
        var uid = record.Uid;
        var nodeName = node.Name;
        _cache.Assume(record, node);
        Pod? stored;
        try
        {
            SelectNodeForClaims(pod, nodeName);
            var scheduled = new Condition(PodConditionType.PodScheduled, ConditionStatus.True, LastTransitionTime: _time.GetUtcNow());
            stored = _store.Bind(pod.Key, uid, nodeName, scheduled);
        }
        catch
        {
            _cache.Forget(record);
            throw;
        }

        if (stored is null || stored.Metadata.Uid != uid || stored.Spec.NodeName != nodeName)
        {
            // Deleted, replaced, bound elsewhere or being deleted meanwhile: the watch will tell the rest.
            _cache.Forget(record);
            if (stored is not null && stored.Metadata.Uid == uid)
            {
                ApplyPod(stored);
            }

            SchedulerLog.BindSkipped(_logger, pod.Key.Display, nodeName);
            return false;
        }

        ApplyPod(stored);
        SchedulerLog.Bound(_logger, pod.Key.Display, nodeName, result.FeasibleNodes, result.EvaluatedNodes);
        if (!ReferenceEquals(_events, NullEventRecorder.Instance))
        {
            _events.Normal(stored, "Scheduled", $"Successfully assigned {pod.Metadata.Namespace}/{pod.Metadata.Name} to {nodeName}", action: "Binding");
        }

        return true;
    }

    /// <summary>Parks the pod and writes PodScheduled=False with the reason, unless the same condition is already there.</summary>
    private void MarkUnschedulable(PodRecord record, string reason, string message, bool rejectedByResources)
    {
        var now = _time.GetUtcNow();
        _queue.MarkUnschedulable(record, now, rejectedByResources);
        var pod = record.Info.Pod;
        _events.Warning(pod, "FailedScheduling", message, action: "Scheduling"); // every attempt, as kube-scheduler; repeats are counted
        if (pod.Status.Conditions.Find(PodConditionType.PodScheduled) is { Status: ConditionStatus.False } current &&
            current.Reason == reason && current.Message == message)
        {
            return;
        }

        var uid = record.Uid;
        var condition = new Condition(PodConditionType.PodScheduled, ConditionStatus.False, reason, message, now);
        var written = false;
        var updated = _store.Mutate<Pod>(
            pod.Key,
            p =>
            {
                var next = p.Metadata.Uid == uid && p.Spec.NodeName is null ? WithCondition(p, condition) : p;
                written = !ReferenceEquals(next, p);
                return next;
            },
            statusOnly: true);
        if (updated is not null && updated.Metadata.Uid == uid)
        {
            ApplyPod(updated);
        }

        if (written)
        {
            SchedulerLog.Unschedulable(_logger, pod.Key.Display, reason, message);
        }
    }

    private static Pod WithCondition(Pod pod, Condition condition)
    {
        var conditions = pod.Status.Conditions.Set(condition);
        return ReferenceEquals(conditions, pod.Status.Conditions) ? pod : pod with { Status = pod.Status with { Conditions = conditions } };
    }

    /// <summary>
    /// As the VolumeBinding plugin's PreBind: records the chosen node on each claim of the pod that has none yet
    /// (<see cref="Storage.PersistentVolumeClaim.SelectedNodeAnnotation"/>), so the provisioner binds it there and every
    /// later pod using it is placed there.
    /// </summary>
    private void SelectNodeForClaims(Pod pod, string nodeName)
    {
        foreach (var volume in pod.Spec.Volumes)
        {
            if (volume.PersistentVolumeClaim is not { } source)
            {
                continue;
            }

            var key = new ObjectKey(Storage.PersistentVolumeClaim.KindName, pod.Metadata.Namespace, source.ClaimName);
            _store.Mutate<Storage.PersistentVolumeClaim>(key, c => c.SelectedNode is not null || c.Metadata.DeletionTimestamp is not null ? c : c with
            {
                Metadata = c.Metadata with
                {
                    Annotations = new Dictionary<string, string>(c.Metadata.Annotations, StringComparer.Ordinal)
                    {
                        [Storage.PersistentVolumeClaim.SelectedNodeAnnotation] = nodeName,
                    },
                },
            });
        }
    }
}

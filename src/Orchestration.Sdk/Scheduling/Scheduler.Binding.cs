using System.Diagnostics;
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
        var started = Stopwatch.GetTimestamp();
        string outcome;
        try
        {
            var result = _framework.Schedule(record.Info, _cache.Nodes);
            if (result.Node is { } node)
            {
                outcome = Bind(record, node, result) ? SchedulerMetrics.Scheduled : SchedulerMetrics.Error;
            }
            else
            {
                MarkUnschedulable(record, result.IsError ? ReasonSchedulerError : ReasonUnschedulable, result.Message!, result.IsError || result.RejectedByResources);
                outcome = result.IsError ? SchedulerMetrics.Error : SchedulerMetrics.Unschedulable;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            SchedulerLog.AttemptFailed(_logger, record.Info.Pod.Key.Display, ex);
            _cache.Forget(record);
            if (record.IsPending)
            {
                _queue.MarkUnschedulable(record, _time.GetUtcNow(), rejectedByResources: true);
            }

            outcome = SchedulerMetrics.Error;
        }

        if (SchedulerMetrics.Enabled)
        {
            SchedulerMetrics.RecordAttempt(Stopwatch.GetElapsedTime(started), outcome);
        }
    }

    /// <summary>
    /// Assumes the pod on the node, writes spec.nodeName if the pod is still the same unbound pod, then sets
    /// PodScheduled=True. Returns whether the pod was bound.
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
            stored = _store.Mutate<Pod>(pod.Key, p => p.Spec.NodeName is null && p.Metadata.Uid == uid && p.Metadata.DeletionTimestamp is null
                ? p with { Spec = p.Spec with { NodeName = nodeName } }
                : p);
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
        var now = _time.GetUtcNow();
        var scheduled = new Condition(PodConditionType.PodScheduled, ConditionStatus.True, LastTransitionTime: now);
        var withStatus = _store.Mutate<Pod>(stored.Key, p => p.Metadata.Uid == uid ? WithCondition(p, scheduled) : p, statusOnly: true);
        if (withStatus is not null && withStatus.Metadata.Uid == uid)
        {
            ApplyPod(withStatus);
        }

        SchedulerLog.Bound(_logger, pod.Key.Display, nodeName, result.FeasibleNodes, result.EvaluatedNodes);
        _events.Normal(stored, "Scheduled", $"Successfully assigned {pod.Metadata.Namespace}/{pod.Metadata.Name} to {nodeName}", action: "Binding");
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
}

using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Orchestration.Sdk.Diagnostics;

/// <summary>
/// The SDK's instruments, on one meter (<see cref="OrchestrationTelemetry.MeterName"/>) from the host's
/// <see cref="IMeterFactory"/> (or a meter of its own when none is registered). The SDK-own instruments are named here;
/// the cluster's state (k8s.* of OpenTelemetry's conventions) is observed by <see cref="ClusterStateMetrics"/>.
/// </summary>
internal sealed class OrchestrationMetrics : IDisposable
{
    public const string ReconcileDurationName = "orchestration.controller.reconcile.duration";
    public const string ReconcileErrorsName = "orchestration.controller.reconcile.errors";
    public const string WorkQueueDepthName = "orchestration.controller.workqueue.depth";
    public const string SchedulerAttemptsName = "orchestration.scheduler.attempts";
    public const string SchedulerAttemptDurationName = "orchestration.scheduler.attempt.duration";
    public const string RuntimeCallDurationName = "orchestration.runtime.call.duration";
    public const string RuntimeCallErrorsName = "orchestration.runtime.call.errors";

    public const string Scheduled = "scheduled";
    public const string Unschedulable = "unschedulable";
    public const string Error = "error";

    private static readonly InstrumentAdvice<double> SecondsAdvice = new()
    {
        HistogramBucketBoundaries = [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    };

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly ConcurrentDictionary<object, (string Controller, Func<int> Depth)> _queues = new();
    private readonly Histogram<double> _reconcileDuration;
    private readonly Counter<long> _reconcileErrors;
    private readonly Counter<long> _schedulerAttempts;
    private readonly Histogram<double> _schedulerAttemptDuration;
    private readonly Histogram<double> _runtimeCallDuration;
    private readonly Counter<long> _runtimeCallErrors;

    public OrchestrationMetrics(IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(OrchestrationTelemetry.MeterName) ?? new Meter(OrchestrationTelemetry.MeterName);
        _reconcileDuration = _meter.CreateHistogram(ReconcileDurationName, "s", "Time one reconcile of one key took, per controller.", advice: SecondsAdvice);
        _reconcileErrors = _meter.CreateCounter<long>(ReconcileErrorsName, "{error}", "Reconciles that failed (retried with backoff, or terminal), per controller.");
        _meter.CreateObservableGauge(WorkQueueDepthName, ObserveQueues, "{key}", "Keys waiting in a controller's work queue (not counting those being reconciled).");
        _schedulerAttempts = _meter.CreateCounter<long>(SchedulerAttemptsName, "{attempt}", "Scheduling attempts, by result: scheduled, unschedulable or error.");
        _schedulerAttemptDuration = _meter.CreateHistogram(
            SchedulerAttemptDurationName, "s", "Time one scheduling attempt took: filter and score the nodes, then bind the pod and write its PodScheduled condition.", advice: SecondsAdvice);
        _runtimeCallDuration = _meter.CreateHistogram(RuntimeCallDurationName, "s", "Time one call of the container runtime took, per operation.", advice: SecondsAdvice);
        _runtimeCallErrors = _meter.CreateCounter<long>(RuntimeCallErrorsName, "{error}", "Calls of the container runtime that failed, per operation.");
        ClusterState = new ClusterStateInstruments(_meter);
    }

    /// <summary>The observable k8s.* instruments, fed while a <see cref="ClusterStateMetrics"/> runs.</summary>
    public ClusterStateInstruments ClusterState { get; }

    public bool ReconcileEnabled => _reconcileDuration.Enabled || _reconcileErrors.Enabled;

    public bool SchedulerEnabled => _schedulerAttempts.Enabled || _schedulerAttemptDuration.Enabled;

    public bool RuntimeEnabled => _runtimeCallDuration.Enabled || _runtimeCallErrors.Enabled;

    /// <summary>Records one reconcile; <paramref name="error"/> is the exception of a failed one.</summary>
    public void RecordReconcile(string controller, TimeSpan elapsed, Exception? error) =>
        Record(_reconcileDuration, _reconcileErrors, new(K8sAttributes.Controller, controller), elapsed, error);

    /// <summary>Reports the queue's depth under the controller's name until the returned handle is disposed.</summary>
    public IDisposable TrackQueue(string controller, Func<int> depth)
    {
        var handle = new QueueHandle(this);
        _queues[handle] = (controller, depth);
        return handle;
    }

    /// <summary>Records one scheduling attempt with its result (<see cref="Scheduled"/>, <see cref="Unschedulable"/>, <see cref="Error"/>).</summary>
    public void RecordSchedulingAttempt(TimeSpan elapsed, string result)
    {
        var tag = new KeyValuePair<string, object?>(K8sAttributes.SchedulerResult, result);
        _schedulerAttemptDuration.Record(elapsed.TotalSeconds, tag);
        _schedulerAttempts.Add(1, tag);
    }

    /// <summary>Records one runtime call; <paramref name="error"/> is the exception of a failed one.</summary>
    public void RecordRuntimeCall(string operation, TimeSpan elapsed, Exception? error) =>
        Record(_runtimeCallDuration, _runtimeCallErrors, new(K8sAttributes.RuntimeOperation, operation), elapsed, error);

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    /// <summary>One duration, tagged; a failure also tagged with error.type and counted.</summary>
    private static void Record(Histogram<double> duration, Counter<long> errors, KeyValuePair<string, object?> tag, TimeSpan elapsed, Exception? error)
    {
        if (error is null)
        {
            duration.Record(elapsed.TotalSeconds, tag);
            return;
        }

        var type = new KeyValuePair<string, object?>(K8sAttributes.ErrorType, error.GetType().FullName);
        duration.Record(elapsed.TotalSeconds, tag, type);
        errors.Add(1, tag, type);
    }

    private IEnumerable<Measurement<int>> ObserveQueues()
    {
        foreach (var (controller, depth) in _queues.Values)
        {
            yield return new Measurement<int>(depth(), new KeyValuePair<string, object?>(K8sAttributes.Controller, controller));
        }
    }

    private sealed class QueueHandle(OrchestrationMetrics owner) : IDisposable
    {
        public void Dispose() => owner._queues.TryRemove(this, out _);
    }
}

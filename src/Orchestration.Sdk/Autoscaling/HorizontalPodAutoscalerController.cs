using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestration.Sdk.Controllers;
using Orchestration.Sdk.Controllers.Engine;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Events;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Autoscaling;

/// <summary>
/// Kubernetes' horizontal pod autoscaler controller: every sync period (15 s) each autoscaler reads its metrics,
/// computes a replica count per metric, takes the largest, stabilizes and rate-limits it per its behavior, bounds it
/// by min/max and writes it to the deployment's <c>spec.replicas</c>. Each rescale is an event with its reason.
/// </summary>
internal sealed partial class HorizontalPodAutoscalerController(
    ResourceStore store,
    ISharedInformerFactory informers,
    TimeProvider time,
    IOptions<ControllerOptions> controllerOptions,
    IOptions<AutoscalerOptions> options,
    MetricEvaluator evaluator,
    AutoscalerEvents events,
    ILogger<HorizontalPodAutoscalerController> logger,
    IEventRecorderFactory? recorders = null, Orchestration.Sdk.Diagnostics.OrchestrationMetrics? metrics = null)
    : Controller("horizontal-pod-autoscaler", store, informers, time, controllerOptions.Value, logger, metrics)
{
    private readonly IEventRecorder _recorder = recorders?.CreateRecorder("horizontal-pod-autoscaler") ?? NullEventRecorder.Instance;
    private readonly ConcurrentDictionary<ObjectKey, ScaleHistory> _histories = new();

    protected override IReadOnlyList<WatchSource> Sources { get; } = [WatchSource.Self(HorizontalPodAutoscaler.KindName)];

    private TimeSpan SyncPeriod => options.Value.SyncPeriod;

    protected override async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var hpa = Store.Get<HorizontalPodAutoscaler>(key);
        if (hpa is null)
        {
            _histories.TryRemove(key, out _);
            return ReconcileResult.Done;
        }

        // Our own status writes come back through the watch: evaluate once per sync period unless the spec changed.
        var history = _histories.GetOrAdd(key, _ => new ScaleHistory());
        var now = Time.GetUtcNow();
        if (history.LastSync is { } last && history.Generation == hpa.Metadata.Generation && now - last < SyncPeriod)
        {
            return ReconcileResult.After(SyncPeriod - (now - last));
        }

        await SyncAsync(key, cancellationToken).ConfigureAwait(false);
        return ReconcileResult.After(SyncPeriod);
    }

    /// <summary>Evaluates one autoscaler now (one sync): the unit tests drive this directly on a fake clock.</summary>
    internal async Task SyncAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var hpa = Store.Get<HorizontalPodAutoscaler>(key);
        if (hpa is null)
        {
            return;
        }

        var history = _histories.GetOrAdd(key, _ => new ScaleHistory());
        var now = Time.GetUtcNow();
        history.LastSync = now;
        history.Generation = hpa.Metadata.Generation;
        var spec = hpa.Spec;
        var status = hpa.Status with { ObservedGeneration = hpa.Metadata.Generation };
        var deploymentKey = new ObjectKey(Deployment.KindName, key.Namespace, spec.ScaleTargetName);
        var deployment = Store.Get<Deployment>(deploymentKey);
        if (deployment is null)
        {
            var message = $"the HPA controller was unable to get the target's current scale: deployments \"{spec.ScaleTargetName}\" not found";
            Warn(hpa, now, "FailedGetScale", message);
            WriteStatus(key, status with { Conditions = status.Conditions.Set(new Condition(AutoscalerConditions.AbleToScale, ConditionStatus.False, "FailedGetScale", message, now)) });
            return;
        }

        var current = deployment.Spec.Replicas;
        var conditions = status.Conditions.Set(new Condition(AutoscalerConditions.AbleToScale, ConditionStatus.True, "SucceededGetScale", "the HPA controller was able to get the target's current scale", now));
        int desired;
        string reason;
        var rescaleReason = string.Empty; // Kubernetes' wording, for the SuccessfulRescale event
        IReadOnlyList<MetricStatus> currentMetrics = status.CurrentMetrics;
        if (current == 0 && spec.MinReplicas != 0)
        {
            conditions = conditions.Set(new Condition(AutoscalerConditions.ScalingActive, ConditionStatus.False, "ScalingDisabled", "scaling is disabled since the replica count of the target is zero", now));
            desired = 0;
            reason = string.Empty;
        }
        else if (current > spec.MaxReplicas)
        {
            desired = spec.MaxReplicas;
            reason = "current number of replicas above Spec.MaxReplicas";
            rescaleReason = "Current number of replicas above Spec.MaxReplicas";
        }
        else if (current < spec.MinReplicas)
        {
            desired = spec.MinReplicas;
            reason = "current number of replicas below Spec.MinReplicas";
            rescaleReason = "Current number of replicas below Spec.MinReplicas";
        }
        else
        {
            var podInformer = Informers.For<Pod>();
            await podInformer.WaitForSyncAsync(cancellationToken).ConfigureAwait(false);
            var pods = podInformer.List(key.Namespace, deployment.Spec.Selector);
            var results = await EvaluateAsync(hpa, deployment, pods, current, cancellationToken).ConfigureAwait(false);
            currentMetrics = results.Where(r => r.Recommendation is not null)
                .Select(r => new MetricStatus(r.Spec.Name, r.Recommendation!.Value.Utilization, r.Recommendation.Value.Value)).ToList();
            var valid = results.Where(r => r.Recommendation is not null).ToList();
            var failed = results.FirstOrDefault(r => r.Recommendation is null);
            var proposal = valid.Count == 0 ? 0 : valid.Max(r => r.Recommendation!.Value.Replicas);
            if (failed is not null && (valid.Count == 0 || proposal < current))
            {
                // As Kubernetes: with a metric missing, only a scale-up is safe; otherwise the decision is skipped.
                var message = $"the HPA was unable to compute the replica count: {failed.Error}";
                Warn(hpa, now, failed.ErrorReason!, message);
                conditions = conditions.Set(new Condition(AutoscalerConditions.ScalingActive, ConditionStatus.False, failed.ErrorReason, message, now));
                WriteStatus(key, status with { CurrentReplicas = current, CurrentMetrics = currentMetrics, Conditions = conditions });
                return;
            }

            var best = valid.First(r => r.Recommendation!.Value.Replicas == proposal);
            conditions = conditions.Set(new Condition(AutoscalerConditions.ScalingActive, ConditionStatus.True, "ValidMetricFound", $"the HPA was able to successfully calculate a replica count from {best.Description}", now));
            reason = proposal > current
                ? best.Summary
                : "all metrics below target (" + string.Join(", ", valid.Select(r => r.Summary)) + ")";
            rescaleReason = proposal > current ? $"{best.Description} above target" : "All metrics below target";
            var normalized = ScaleNormalizer.Normalize(history, now, current, proposal, spec.MinReplicas, spec.MaxReplicas, spec.Behavior);
            desired = normalized.Replicas;
            conditions = conditions
                .Set(new Condition(AutoscalerConditions.AbleToScale, ConditionStatus.True, normalized.AbleReason, normalized.AbleMessage, now))
                .Set(new Condition(AutoscalerConditions.ScalingLimited, normalized.Limited ? ConditionStatus.True : ConditionStatus.False, normalized.LimitReason, normalized.LimitMessage, now));
        }

        status = status with { CurrentReplicas = current, DesiredReplicas = desired, CurrentMetrics = currentMetrics };
        if (desired != current && !(current == 0 && spec.MinReplicas != 0))
        {
            var text = $"scaled {spec.ScaleTargetName} from {current} to {desired}: {reason}";
            try
            {
                Store.Mutate<Deployment>(deploymentKey, d => d.Spec.Replicas == desired ? d : d with { Spec = d.Spec with { Replicas = desired } });
            }
            catch (Exception ex) when (ex is OrchestrationException)
            {
                var message = $"the HPA controller was unable to update the target scale: {ex.Message}";
                Warn(hpa, now, "FailedRescale", message);
                WriteStatus(key, status with { Conditions = conditions.Set(new Condition(AutoscalerConditions.AbleToScale, ConditionStatus.False, "FailedUpdateScale", message, now)) });
                return;
            }

            history.RecordScale(now, current, desired, spec.Behavior);
            conditions = conditions.Set(new Condition(AutoscalerConditions.AbleToScale, ConditionStatus.True, "SucceededRescale", $"the HPA controller was able to update the target scale to {desired}", now));
            status = status with { LastScaleTime = now, LastScaleReason = text };
            events.Record(new AutoscalerEvent(now, key.Namespace, key.Name, "Normal", "SuccessfulRescale", text));
            _recorder.Normal(hpa, "SuccessfulRescale", $"New size: {desired}; reason: {rescaleReason}");
            AutoscalerLog.Rescaled(Logger, key.Name, text);
        }

        WriteStatus(key, status with { Conditions = conditions });
    }

    private async Task<List<MetricResult>> EvaluateAsync(HorizontalPodAutoscaler hpa, Deployment deployment, IReadOnlyList<Pod> pods, int current, CancellationToken ct)
    {
        var tolerance = new Tolerance(hpa.Spec.Behavior.ScaleDown.Tolerance, hpa.Spec.Behavior.ScaleUp.Tolerance);
        var results = new List<MetricResult>(hpa.Spec.Metrics.Count);
        foreach (var metric in hpa.Spec.Metrics)
        {
            results.Add(await evaluator.EvaluateAsync(metric, hpa, deployment, pods, current, tolerance, ct).ConfigureAwait(false));
        }

        return results;
    }

    private void Warn(HorizontalPodAutoscaler hpa, DateTimeOffset now, string reason, string message)
    {
        events.Record(new AutoscalerEvent(now, hpa.Metadata.Namespace, hpa.Metadata.Name, "Warning", reason, message));
        _recorder.Warning(hpa, reason, message);
        AutoscalerLog.DecisionSkipped(Logger, hpa.Metadata.Name, reason, message);
    }

    private void WriteStatus(ObjectKey key, HorizontalPodAutoscalerStatus status) =>
        Store.Mutate<HorizontalPodAutoscaler>(key, h => h.Status == status ? h : h with { Status = status }, statusOnly: true);
}

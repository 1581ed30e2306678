using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestration.Sdk.Controllers.Engine;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Events;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Controllers.ReplicaSets;

/// <summary>
/// Keeps each ReplicaSet's number of active pods equal to its spec, and its status current. It counts its pods in the
/// shared Pod informer's owner index; like client-go's controller expectations, after it created or deleted pods it
/// does not count again until the informer has seen its last such write (that write's event brings the key back), so
/// a lagging cache never makes it create or delete twice.
/// </summary>
internal sealed partial class ReplicaSetController(ResourceStore store, ISharedInformerFactory informers, TimeProvider time, IOptions<ControllerOptions> options, ILogger<ReplicaSetController> logger, IEventRecorderFactory? events = null, Orchestration.Sdk.Diagnostics.OrchestrationMetrics? metrics = null)
    : Controller("replicaset-controller", store, informers, time, options.Value, logger, metrics)
{
    private readonly IEventRecorder _events = events?.CreateRecorder("replicaset-controller") ?? NullEventRecorder.Instance;

    /// <summary>At most this many pods are created or deleted in one sync (Kubernetes' burstReplicas).</summary>
    internal const int BurstReplicas = 500;

    /// <summary>The first batch of a slow-start create (Kubernetes' SlowStartInitialBatchSize).</summary>
    internal const int SlowStartInitialBatchSize = 1;

    // Per ReplicaSet: the resourceVersion of its last pod write, which the Pod informer must reach before it counts again.
    private readonly WriteExpectations _expected = new();

    protected override IReadOnlyList<WatchSource> Sources { get; } =
    [
        WatchSource.Self(ReplicaSet.KindName),
        WatchSource.Owner(Pod.KindName, ReplicaSet.KindName),
    ];

    protected override async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var rs = Store.Get<ReplicaSet>(key);
        if (rs is null || rs.Metadata.DeletionTimestamp is not null)
        {
            _expected.Forget(key);
            return ReconcileResult.Done;
        }

        var pods = Informers.For<Pod>();
        await pods.WaitForSyncAsync(cancellationToken).ConfigureAwait(false);
        if (!_expected.Satisfied(key, pods.LastResourceVersion))
        {
            return ReconcileResult.Done; // the informer's event of that write enqueues this key again
        }

        var owned = pods.ByIndex(InformerIndexes.Owner, rs.Metadata.Uid);
        var now = Time.GetUtcNow();
        long written = 0;

        // One pass: finished pods (evicted, or ended under a non-Always policy) are not active: remove and replace them.
        var current = new List<Pod>(owned.Count);
        foreach (var pod in owned)
        {
            if (pod.IsTerminating())
            {
                continue;
            }

            if (pod.Status.Phase is PodPhase.Failed or PodPhase.Succeeded)
            {
                written = Math.Max(written, Store.DeletePod(pod, now) ?? 0);
            }
            else
            {
                current.Add(pod);
            }
        }

        // As Kubernetes' burstReplicas: at most so many creations or deletions per sync; the informer's event of the
        // last one brings the key back for the next step, so the rest of the system works on the first pods meanwhile.
        var diff = Math.Clamp(rs.Spec.Replicas - current.Count, -BurstReplicas, BurstReplicas);
        Exception? createFailure = null;
        if (diff > 0)
        {
            createFailure = SlowStartCreate(rs, diff, current, ref written);
        }
        else if (diff < 0)
        {
            foreach (var victim in PodDeletionRanking.Order(current).Take(-diff).ToList())
            {
                written = Math.Max(written, Store.DeletePod(victim, now) ?? 0);
                current.Remove(victim);
                LogDeletedPod(Logger, rs.Metadata.Name, victim.Metadata.Name);
                _events.Normal(rs, "SuccessfulDelete", $"Deleted pod: {victim.Metadata.Name}");
            }
        }

        if (written > 0)
        {
            _expected.Record(key, written);
        }

        var minReady = TimeSpan.FromSeconds(rs.Spec.MinReadySeconds);
        TimeSpan? recheck = null;
        var available = 0;
        var ready = 0;
        foreach (var pod in current)
        {
            if (!pod.Status.IsReady)
            {
                continue;
            }

            ready++;
            var readySince = pod.Status.Conditions.Find(PodConditionType.Ready)!.LastTransitionTime;
            var remaining = readySince + minReady - now;
            if (remaining <= TimeSpan.Zero)
            {
                available++;
            }
            else if (recheck is null || remaining < recheck)
            {
                recheck = remaining;
            }
        }

        var status = new ReplicaSetStatus
        {
            Replicas = current.Count,
            ReadyReplicas = ready,
            AvailableReplicas = available,
            ObservedGeneration = rs.Metadata.Generation,
        };
        Store.Mutate<ReplicaSet>(key, r => r.Status == status ? r : r with { Status = status }, statusOnly: true);
        if (createFailure is not null)
        {
            // As Kubernetes: the sync fails, so the key comes back with the queue's backoff instead of at once.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(createFailure);
        }


        // A pod that is ready but not yet for minReadySeconds becomes available by time alone: look again then.
        return recheck is { } after ? ReconcileResult.After(after) : ReconcileResult.Done;
    }

    /// <summary>
    /// Creates <paramref name="count"/> pods as Kubernetes' slowStartBatch: batches of 1, 2, 4, … pods, and no further
    /// batch once one had a failure, so a template the store refuses (or a store that fails) costs one or a few
    /// refused writes per sync instead of hundreds. Each failure is a FailedCreate warning event on the ReplicaSet, as
    /// kube-controller-manager's; the pods skipped are left for the next sync. Returns the first failure, or null.
    /// </summary>
    private Exception? SlowStartCreate(ReplicaSet rs, int count, List<Pod> current, ref long written)
    {
        Exception? first = null;
        var remaining = count;
        for (var batch = Math.Min(remaining, SlowStartInitialBatchSize); batch > 0; batch = Math.Min(2 * batch, remaining))
        {
            for (var i = 0; i < batch; i++)
            {
                try
                {
                    var pod = Store.Create(NewPod(rs));
                    written = Math.Max(written, pod.Metadata.ResourceVersion);
                    current.Add(pod);
                    LogCreatedPod(Logger, rs.Metadata.Name, pod.Metadata.Name);
                    _events.Normal(rs, "SuccessfulCreate", $"Created pod: {pod.Metadata.Name}");
                }
                catch (OrchestrationException ex)
                {
                    first ??= ex;
                    _events.Warning(rs, "FailedCreate", $"Error creating: {ex.Message}");
                }
            }

            remaining -= batch;
            if (first is not null)
            {
                if (remaining > 0)
                {
                    LogSlowStartSkipped(Logger, rs.Metadata.Name, remaining);
                }

                return first;
            }
        }

        return null;
    }

    private static Pod NewPod(ReplicaSet rs) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = Names.Generate(rs.Metadata.Name),
            Namespace = rs.Metadata.Namespace,
            Labels = rs.Spec.Template.Labels,
            Annotations = rs.Spec.Template.Annotations,
            OwnerReferences = [new OwnerReference(ReplicaSet.KindName, rs.Metadata.Name, rs.Metadata.Uid)],
        },
        // The template's own spec instance when it names no node (the usual case): the pods share it, so the store
        // validates it once and the scheduler sums its requests once per pod without copying it.
        Spec = rs.Spec.Template.Spec.NodeName is null ? rs.Spec.Template.Spec : rs.Spec.Template.Spec with { NodeName = null },
    };

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "ReplicaSet {ReplicaSet}: created pod {Pod}")]
    private static partial void LogCreatedPod(ILogger logger, string replicaSet, string pod);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Information, Message = "ReplicaSet {ReplicaSet}: deleting pod {Pod}")]
    private static partial void LogDeletedPod(ILogger logger, string replicaSet, string pod);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Warning, Message = "ReplicaSet {ReplicaSet}: slow-start failure, skipping the creation of {Skipped} pods until the next sync")]
    private static partial void LogSlowStartSkipped(ILogger logger, string replicaSet, int skipped);
}

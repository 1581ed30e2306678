using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestration.Sdk.Controllers.Engine;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Events;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Controllers.Deployments;

/// <summary>
/// Keeps one ReplicaSet per pod-template revision and moves pods from the old revisions to the new one by the
/// deployment's strategy: RollingUpdate within maxSurge / maxUnavailable, or Recreate. Writes the status, the
/// Progressing condition with its deadline, and (opt-in) rolls a failed rollout back. It reads its ReplicaSets and
/// their pods from the shared informers' owner indexes; after it wrote a ReplicaSet it does not read them again until
/// the ReplicaSet informer has seen that write (the write's event brings the deployment back), as the ReplicaSet
/// controller does with its pods, so a lagging cache never makes it create a revision twice or scale a stale copy.
/// </summary>
internal sealed partial class DeploymentController : Controller
{
    private readonly IEventRecorder _events;

    // Per deployment: the resourceVersion of its last ReplicaSet write, which the ReplicaSet informer must reach first.
    private readonly WriteExpectations _expected = new();

    public DeploymentController(ResourceStore store, ISharedInformerFactory informers, TimeProvider time, IOptions<ControllerOptions> options, ILogger<DeploymentController> logger, IEventRecorderFactory? events = null, Orchestration.Sdk.Diagnostics.OrchestrationMetrics? metrics = null)
        : base("deployment-controller", store, informers, time, options.Value, logger, metrics)
    {
        _events = events?.CreateRecorder("deployment-controller") ?? NullEventRecorder.Instance;
        // Pods matter only to Recreate, which waits for the last old pod to be gone (a ReplicaSet's status no longer
        // changes when its terminating pods finally disappear).
        Sources =
        [
            WatchSource.Self(Deployment.KindName),
            WatchSource.Owner(ReplicaSet.KindName, Deployment.KindName),
            new WatchSource(Pod.KindName, p => p.Metadata.DeletionTimestamp is null ? [] : DeploymentOfPod(p)),
        ];
    }

    protected override IReadOnlyList<WatchSource> Sources { get; }

    private IEnumerable<ObjectKey> DeploymentOfPod(Resource pod) =>
        pod.Metadata.Controller is { Kind: ReplicaSet.KindName } owner &&
        Informers.For<ReplicaSet>().Get(owner.Name, pod.Metadata.Namespace)?.Metadata.Controller is { Kind: Deployment.KindName } d
            ? [new ObjectKey(Deployment.KindName, pod.Metadata.Namespace, d.Name)]
            : [];

    protected override async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var d = Store.Get<Deployment>(key);
        if (d is null || d.Metadata.DeletionTimestamp is not null)
        {
            _expected.Forget(key);
            return ReconcileResult.Done;
        }

        var replicaSets = Informers.For<ReplicaSet>();
        await replicaSets.WaitForSyncAsync(cancellationToken).ConfigureAwait(false);
        await Informers.For<Pod>().WaitForSyncAsync(cancellationToken).ConfigureAwait(false);
        if (!_expected.Satisfied(key, replicaSets.LastResourceVersion))
        {
            return ReconcileResult.Done; // the informer's event of that write enqueues this deployment again
        }

        var owned = Owned(d);
        var hash = Names.Hash(d.Spec.Template);
        var newRs = Revisions.Running(owned, d.Spec.Template);
        if (d.Spec.Paused)
        {
            // Paused: no new revision rolls out, but the replica count still applies to the newest active one.
            var active = newRs ?? owned.Where(r => r.Spec.Replicas > 0).OrderByDescending(Revisions.Of).FirstOrDefault();
            if (active is not null)
            {
                Scale(active, d.Spec.Replicas, d.Spec.MinReadySeconds);
            }

            return WriteStatus(d, active, created: false);
        }

        var oldRs = owned.Where(r => !ReferenceEquals(r, newRs)).ToList();
        var created = false;
        if (newRs is null)
        {
            var oldPods = oldRs.Sum(r => Math.Max(r.Spec.Replicas, r.Status.Replicas));
            newRs = CreateReplicaSet(d, hash, owned, initialReplicas: oldPods == 0 ? d.Spec.Replicas : 0);
            created = true;
        }
        else if (oldRs.Count > 0 && Revisions.Of(newRs) < oldRs.Max(Revisions.Of))
        {
            // A rollback to an older template: that ReplicaSet becomes the newest revision again, as in Kubernetes.
            var revision = oldRs.Max(Revisions.Of) + 1;
            newRs = Expect(key, Store.Update(newRs with
            {
                Metadata = newRs.Metadata with
                {
                    Annotations = new Dictionary<string, string>(newRs.Metadata.Annotations) { [ReplicaSet.RevisionAnnotation] = Revisions.Text(revision) },
                },
            }));
        }

        newRs = d.Spec.Strategy.Type == DeploymentStrategyType.Recreate
            ? Recreate(d, newRs, oldRs)
            : RollingUpdate(d, newRs, oldRs);

        CleanupHistory(d, oldRs);
        return WriteStatus(d, newRs, created);
    }

    private List<ReplicaSet> Owned(Deployment d) => [.. Informers.For<ReplicaSet>().ByIndex(InformerIndexes.Owner, d.Metadata.Uid)];

    /// <summary>Pods whose controller is <paramref name="rs"/>, from the Pod informer's owner index.</summary>
    private IReadOnlyList<Pod> PodsOf(ReplicaSet rs) => Informers.For<Pod>().ByIndex(InformerIndexes.Owner, rs.Metadata.Uid);

    /// <summary>Records a ReplicaSet write of the deployment <paramref name="key"/>: the informer must see it before the next read.</summary>
    private ReplicaSet Expect(ObjectKey key, ReplicaSet written)
    {
        _expected.Record(key, written.Metadata.ResourceVersion);
        return written;
    }

    private ReplicaSet RollingUpdate(Deployment d, ReplicaSet newRs, List<ReplicaSet> oldRs)
    {
        var (maxSurge, maxUnavailable) = RollingBounds.Resolve(d.Spec.Replicas, d.Spec.Strategy);

        // Scale the new revision up, within replicas + maxSurge pods in total. An old ReplicaSet whose controller has
        // not yet removed the pods of a scale-down still has them, so count what exists as well as what is asked.
        var total = newRs.Spec.Replicas + oldRs.Sum(r => Math.Max(r.Spec.Replicas, r.Status.Replicas));
        var newTarget = newRs.Spec.Replicas;
        if (newRs.Spec.Replicas > d.Spec.Replicas || oldRs.All(r => r.Spec.Replicas == 0 && r.Status.Replicas == 0))
        {
            newTarget = d.Spec.Replicas;
        }
        else if (newRs.Spec.Replicas < d.Spec.Replicas)
        {
            newTarget = Math.Min(d.Spec.Replicas, newRs.Spec.Replicas + Math.Max(0, d.Spec.Replicas + maxSurge - total));
        }

        newRs = Scale(newRs, newTarget, d.Spec.MinReadySeconds);

        // Scale old revisions down while replicas - maxUnavailable stay available.
        var minAvailable = d.Spec.Replicas - maxUnavailable;
        var allReplicas = newRs.Spec.Replicas + oldRs.Sum(r => r.Spec.Replicas);
        var available = Available(newRs) + oldRs.Sum(Available);
        var newUnavailable = Math.Max(0, newRs.Spec.Replicas - Available(newRs));
        var budget = Math.Max(0, allReplicas - minAvailable - newUnavailable);
        foreach (var old in oldRs.Where(r => r.Spec.Replicas > 0).OrderBy(Revisions.Of))
        {
            // Unavailable old pods go first: removing them costs no availability.
            var unhealthy = Math.Min(budget, Math.Max(0, old.Spec.Replicas - Available(old)));
            var healthyCut = Math.Min(budget - unhealthy, Math.Max(0, available - minAvailable));
            var cut = Math.Min(old.Spec.Replicas, unhealthy + healthyCut);
            if (cut > 0)
            {
                Scale(old, old.Spec.Replicas - cut, old.Spec.MinReadySeconds);
                budget -= cut;
                available -= Math.Max(0, cut - unhealthy);
            }
        }

        return newRs;
    }

    private ReplicaSet Recreate(Deployment d, ReplicaSet newRs, List<ReplicaSet> oldRs)
    {
        foreach (var old in oldRs.Where(r => r.Spec.Replicas > 0))
        {
            Scale(old, 0, old.Spec.MinReadySeconds);
        }

        // New pods only once every old pod is gone, terminating ones included.
        var oldPodsLeft = oldRs.Sum(r => PodsOf(r).Count);
        return oldPodsLeft == 0 ? Scale(newRs, d.Spec.Replicas, d.Spec.MinReadySeconds) : newRs;
    }

    /// <summary>
    /// Available pods of a ReplicaSet, never more than its spec: a status not yet updated after a scale-down still
    /// counts pods that are about to go, and trusting it would let a rollout dip below its availability bound.
    /// </summary>
    private static int Available(ReplicaSet rs) => Math.Min(rs.Spec.Replicas, rs.Status.AvailableReplicas);

    private ReplicaSet CreateReplicaSet(Deployment d, string hash, IReadOnlyList<ReplicaSet> owned, int initialReplicas)
    {
        var revision = owned.Select(Revisions.Of).DefaultIfEmpty(0).Max() + 1;
        var labels = new Dictionary<string, string>(d.Spec.Template.Labels) { [ReplicaSet.PodTemplateHashLabel] = hash };
        var selector = new Dictionary<string, string>(d.Spec.Selector.MatchLabels) { [ReplicaSet.PodTemplateHashLabel] = hash };
        var created = Expect(d.Key, Store.Create(new ReplicaSet
        {
            Metadata = new ObjectMeta
            {
                Name = $"{d.Metadata.Name}-{hash}",
                Namespace = d.Metadata.Namespace,
                Labels = labels,
                Annotations = new Dictionary<string, string> { [ReplicaSet.RevisionAnnotation] = Revisions.Text(revision) },
                OwnerReferences = [new OwnerReference(Deployment.KindName, d.Metadata.Name, d.Metadata.Uid)],
            },
            Spec = new ReplicaSetSpec
            {
                Replicas = initialReplicas,
                MinReadySeconds = d.Spec.MinReadySeconds,
                Selector = LabelSelector.Of(selector),
                Template = d.Spec.Template with { Labels = labels },
            },
        }));
        LogCreatedReplicaSet(Logger, d.Metadata.Name, created.Metadata.Name, revision);
        if (initialReplicas > 0)
        {
            _events.Normal(d, "ScalingReplicaSet", $"Scaled up replica set {created.Metadata.Name} from 0 to {initialReplicas}");
        }

        return created;
    }

    private ReplicaSet Scale(ReplicaSet rs, int replicas, int minReadySeconds)
    {
        if (rs.Spec.Replicas == replicas && rs.Spec.MinReadySeconds == minReadySeconds)
        {
            return rs;
        }

        LogScaled(Logger, rs.Metadata.Name, rs.Spec.Replicas, replicas);
        var scaled = Store.Update(rs with { Spec = rs.Spec with { Replicas = replicas, MinReadySeconds = minReadySeconds } });
        if (rs.Metadata.Controller is { Kind: Deployment.KindName } controller)
        {
            Expect(new ObjectKey(Deployment.KindName, rs.Metadata.Namespace, controller.Name), scaled);
        }

        if (rs.Spec.Replicas != replicas && rs.Metadata.Controller is { } owner && Store.Get<Deployment>(new ObjectKey(Deployment.KindName, rs.Metadata.Namespace, owner.Name)) is { } d)
        {
            _events.Normal(d, "ScalingReplicaSet", $"Scaled {(replicas > rs.Spec.Replicas ? "up" : "down")} replica set {rs.Metadata.Name} from {rs.Spec.Replicas} to {replicas}");
        }

        return scaled;
    }

    private void CleanupHistory(Deployment d, List<ReplicaSet> oldRs)
    {
        var excess = oldRs.Where(r => r.Spec.Replicas == 0 && r.Status.Replicas == 0).OrderBy(Revisions.Of).ToList();
        foreach (var rs in excess.Take(Math.Max(0, excess.Count - d.Spec.RevisionHistoryLimit)))
        {
            try
            {
                Store.Delete(rs.Key, rs.Metadata.ResourceVersion);
            }
            catch (Exception ex) when (ex is NotFoundException or ConflictException)
            {
            }
        }
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Deployment {Deployment}: created ReplicaSet {ReplicaSet} (revision {Revision})")]
    private static partial void LogCreatedReplicaSet(ILogger logger, string deployment, string replicaSet, long revision);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Information, Message = "Scaled ReplicaSet {ReplicaSet} from {From} to {To}")]
    private static partial void LogScaled(ILogger logger, string replicaSet, int from, int to);
}

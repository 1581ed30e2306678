using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestration.Sdk.Controllers.Engine;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Events;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Controllers.ReplicaSets;

/// <summary>Keeps each ReplicaSet's number of active pods equal to its spec, and its status current.</summary>
internal sealed partial class ReplicaSetController(ResourceStore store, ISharedInformerFactory informers, TimeProvider time, IOptions<ControllerOptions> options, ILogger<ReplicaSetController> logger, IEventRecorderFactory? events = null)
    : Controller("replicaset-controller", store, informers, time, options.Value, logger)
{
    private readonly IEventRecorder _events = events?.CreateRecorder("replicaset-controller") ?? NullEventRecorder.Instance;

    protected override IReadOnlyList<WatchSource> Sources { get; } =
    [
        WatchSource.Self(ReplicaSet.KindName),
        WatchSource.Owner(Pod.KindName, ReplicaSet.KindName),
    ];

    protected override Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var rs = Store.Get<ReplicaSet>(key);
        if (rs is null || rs.Metadata.DeletionTimestamp is not null)
        {
            return Task.FromResult(ReconcileResult.Done);
        }

        var owned = Store.List<Pod>(Pod.KindName, key.Namespace, filter: p => p.Metadata.Controller?.Uid == rs.Metadata.Uid).Items;
        var now = Time.GetUtcNow();

        // Finished pods (evicted, or ended under a non-Always policy) are not active: remove and replace them.
        foreach (var finished in owned.Where(p => !p.IsTerminating() && p.Status.Phase is PodPhase.Failed or PodPhase.Succeeded))
        {
            Store.DeletePod(finished, now);
        }

        var active = owned.Where(IsActive).ToList();
        var diff = rs.Spec.Replicas - active.Count;
        if (diff > 0)
        {
            for (var i = 0; i < diff; i++)
            {
                var pod = Store.Create(NewPod(rs));
                LogCreatedPod(Logger, rs.Metadata.Name, pod.Metadata.Name);
                _events.Normal(rs, "SuccessfulCreate", $"Created pod: {pod.Metadata.Name}");
            }
        }
        else if (diff < 0)
        {
            foreach (var victim in PodDeletionRanking.Order(active).Take(-diff))
            {
                Store.DeletePod(victim, now);
                LogDeletedPod(Logger, rs.Metadata.Name, victim.Metadata.Name);
                _events.Normal(rs, "SuccessfulDelete", $"Deleted pod: {victim.Metadata.Name}");
            }
        }

        var current = Store.List<Pod>(Pod.KindName, key.Namespace, filter: p => p.Metadata.Controller?.Uid == rs.Metadata.Uid).Items.Where(IsActive).ToList();
        var minReady = TimeSpan.FromSeconds(rs.Spec.MinReadySeconds);
        TimeSpan? recheck = null;
        var available = 0;
        foreach (var pod in current.Where(p => p.Status.IsReady))
        {
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
            ReadyReplicas = current.Count(p => p.Status.IsReady),
            AvailableReplicas = available,
            ObservedGeneration = rs.Metadata.Generation,
        };
        Store.Mutate<ReplicaSet>(key, r => r.Status == status ? r : r with { Status = status }, statusOnly: true);

        // A pod that is ready but not yet for minReadySeconds becomes available by time alone: look again then.
        return Task.FromResult(recheck is { } after ? ReconcileResult.After(after) : ReconcileResult.Done);
    }

    private static bool IsActive(Pod p) => !p.IsTerminating() && p.Status.Phase is not (PodPhase.Failed or PodPhase.Succeeded);

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
        Spec = rs.Spec.Template.Spec with { NodeName = null },
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "ReplicaSet {ReplicaSet}: created pod {Pod}")]
    private static partial void LogCreatedPod(ILogger logger, string replicaSet, string pod);

    [LoggerMessage(Level = LogLevel.Information, Message = "ReplicaSet {ReplicaSet}: deleting pod {Pod}")]
    private static partial void LogDeletedPod(ILogger logger, string replicaSet, string pod);
}

using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestration.Sdk.Controllers.Engine;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Controllers.Deployments;

/// <summary>
/// Keeps one ReplicaSet per pod-template revision, scales the current one to the spec and the old ones to zero
/// within the rolling-update bounds (Kubernetes' defaults: 25 % surge rounded up, 25 % unavailable rounded down),
/// and writes the deployment's status.
/// </summary>
internal sealed partial class DeploymentController(ResourceStore store, TimeProvider time, IOptions<ControllerOptions> options, ILogger<DeploymentController> logger)
    : Controller("deployment-controller", store, time, options.Value, logger)
{
    protected override IReadOnlyList<WatchSource> Sources { get; } =
    [
        WatchSource.Self(Deployment.KindName),
        WatchSource.Owner(ReplicaSet.KindName, Deployment.KindName),
    ];

    protected override Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var d = Store.Get<Deployment>(key);
        if (d is null || d.Metadata.DeletionTimestamp is not null)
        {
            return Task.FromResult(ReconcileResult.Done);
        }

        var owned = Store.List<ReplicaSet>(ReplicaSet.KindName, key.Namespace, filter: r => r.Metadata.Controller?.Uid == d.Metadata.Uid).Items;
        var hash = Names.Hash(d.Spec.Template);
        var newRs = owned.FirstOrDefault(r => r.Metadata.Labels.GetValueOrDefault(ReplicaSet.PodTemplateHashLabel) == hash);
        var oldRs = owned.Where(r => !ReferenceEquals(r, newRs)).ToList();

        newRs ??= CreateReplicaSet(d, hash, owned, initialReplicas: oldRs.Sum(r => r.Spec.Replicas) == 0 ? d.Spec.Replicas : 0);
        var (maxSurge, maxUnavailable) = RollingBounds.Resolve(d.Spec.Replicas);

        // Scale the new revision up, within replicas + maxSurge pods in total. An old ReplicaSet whose controller has
        // not yet removed the pods of a scale-down still has them, so count what exists as well as what is asked.
        var total = newRs.Spec.Replicas + oldRs.Sum(r => Math.Max(r.Spec.Replicas, r.Status.Replicas));
        var newTarget = newRs.Spec.Replicas;
        if (newRs.Spec.Replicas > d.Spec.Replicas || oldRs.All(r => r.Spec.Replicas == 0))
        {
            newTarget = d.Spec.Replicas;
        }
        else if (newRs.Spec.Replicas < d.Spec.Replicas)
        {
            newTarget = Math.Min(d.Spec.Replicas, newRs.Spec.Replicas + Math.Max(0, d.Spec.Replicas + maxSurge - total));
        }

        newRs = Scale(newRs, newTarget);

        // Scale old revisions down while replicas - maxUnavailable stay available.
        var minAvailable = d.Spec.Replicas - maxUnavailable;
        var allReplicas = newRs.Spec.Replicas + oldRs.Sum(r => r.Spec.Replicas);
        var available = Available(newRs) + oldRs.Sum(Available);
        var newUnavailable = Math.Max(0, newRs.Spec.Replicas - newRs.Status.AvailableReplicas);
        var budget = Math.Max(0, allReplicas - minAvailable - newUnavailable);
        foreach (var old in oldRs.Where(r => r.Spec.Replicas > 0).OrderBy(r => r.Metadata.CreationTimestamp))
        {
            // Unavailable old pods go first: removing them costs no availability.
            var unhealthy = Math.Min(budget, Math.Max(0, old.Spec.Replicas - Available(old)));
            var healthyCut = Math.Min(budget - unhealthy, Math.Max(0, available - minAvailable));
            var cut = Math.Min(old.Spec.Replicas, unhealthy + healthyCut);
            if (cut > 0)
            {
                Scale(old, old.Spec.Replicas - cut);
                budget -= cut;
                available -= Math.Max(0, cut - unhealthy);
            }
        }

        CleanupHistory(d, oldRs);
        WriteStatus(d, newRs);
        return Task.FromResult(ReconcileResult.Done);
    }

    /// <summary>
    /// Available pods of a ReplicaSet, never more than its spec: a status not yet updated after a scale-down still
    /// counts pods that are about to go, and trusting it would let a rollout dip below its availability bound.
    /// </summary>
    private static int Available(ReplicaSet rs) => Math.Min(rs.Spec.Replicas, rs.Status.AvailableReplicas);

    private ReplicaSet CreateReplicaSet(Deployment d, string hash, IReadOnlyList<ReplicaSet> owned, int initialReplicas)
    {
        var revision = owned.Select(r => long.TryParse(r.Metadata.Annotations.GetValueOrDefault(ReplicaSet.RevisionAnnotation), CultureInfo.InvariantCulture, out var v) ? v : 0)
            .DefaultIfEmpty(0).Max() + 1;
        var labels = new Dictionary<string, string>(d.Spec.Template.Labels) { [ReplicaSet.PodTemplateHashLabel] = hash };
        var selector = new Dictionary<string, string>(d.Spec.Selector.MatchLabels) { [ReplicaSet.PodTemplateHashLabel] = hash };
        var rs = new ReplicaSet
        {
            Metadata = new ObjectMeta
            {
                Name = $"{d.Metadata.Name}-{hash}",
                Namespace = d.Metadata.Namespace,
                Labels = labels,
                Annotations = new Dictionary<string, string> { [ReplicaSet.RevisionAnnotation] = revision.ToString(CultureInfo.InvariantCulture) },
                OwnerReferences = [new OwnerReference(Deployment.KindName, d.Metadata.Name, d.Metadata.Uid)],
            },
            Spec = new ReplicaSetSpec
            {
                Replicas = initialReplicas,
                Selector = LabelSelector.Of(selector),
                Template = d.Spec.Template with { Labels = labels },
            },
        };
        var created = Store.Create(rs);
        LogCreatedReplicaSet(Logger, d.Metadata.Name, created.Metadata.Name, revision);
        return created;
    }

    private ReplicaSet Scale(ReplicaSet rs, int replicas)
    {
        if (rs.Spec.Replicas == replicas)
        {
            return rs;
        }

        LogScaled(Logger, rs.Metadata.Name, rs.Spec.Replicas, replicas);
        return Store.Update(rs with { Spec = rs.Spec with { Replicas = replicas } });
    }

    private void CleanupHistory(Deployment d, List<ReplicaSet> oldRs)
    {
        var excess = oldRs.Where(r => r.Spec.Replicas == 0 && r.Status.Replicas == 0)
            .OrderBy(r => r.Metadata.CreationTimestamp)
            .ToList();
        foreach (var rs in excess.Take(Math.Max(0, excess.Count - d.Spec.RevisionHistoryLimit)))
        {
            try
            {
                Store.Delete(rs.Key, rs.Metadata.ResourceVersion);
            }
            catch (NotFoundException)
            {
            }
        }
    }

    private void WriteStatus(Deployment d, ReplicaSet newRs)
    {
        var all = Store.List<ReplicaSet>(ReplicaSet.KindName, d.Metadata.Namespace, filter: r => r.Metadata.Controller?.Uid == d.Metadata.Uid).Items;
        var available = all.Sum(r => r.Status.AvailableReplicas);
        var now = Time.GetUtcNow();
        var minAvailable = d.Spec.Replicas - RollingBounds.Resolve(d.Spec.Replicas).MaxUnavailable;
        var availableCondition = available >= minAvailable
            ? new Condition("Available", ConditionStatus.True, "MinimumReplicasAvailable", "Deployment has minimum availability.", now)
            : new Condition("Available", ConditionStatus.False, "MinimumReplicasUnavailable", "Deployment does not have minimum availability.", now);
        Store.Mutate<Deployment>(d.Key, current =>
        {
            var status = current.Status with
            {
                ObservedGeneration = current.Metadata.Generation == d.Metadata.Generation ? d.Metadata.Generation : current.Status.ObservedGeneration,
                Replicas = all.Sum(r => r.Status.Replicas),
                UpdatedReplicas = newRs.Status.Replicas,
                ReadyReplicas = all.Sum(r => r.Status.ReadyReplicas),
                AvailableReplicas = available,
                Conditions = current.Status.Conditions.Set(availableCondition),
            };
            return StatusEquals(status, current.Status) ? current : current with { Status = status };
        }, statusOnly: true);
    }

    private static bool StatusEquals(DeploymentStatus a, DeploymentStatus b) =>
        a with { Conditions = [] } == b with { Conditions = [] } && ReferenceEquals(a.Conditions, b.Conditions);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deployment {Deployment}: created ReplicaSet {ReplicaSet} (revision {Revision})")]
    private static partial void LogCreatedReplicaSet(ILogger logger, string deployment, string replicaSet, long revision);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scaled ReplicaSet {ReplicaSet} from {From} to {To}")]
    private static partial void LogScaled(ILogger logger, string replicaSet, int from, int to);
}

using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestration.Sdk.Controllers.Engine;
using Orchestration.Sdk.Events;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Storage;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.StatefulSets;

/// <summary>
/// Keeps a StatefulSet's pods, as Kubernetes' StatefulSet controller (defaultStatefulSetControl): pod <c>i</c> is
/// <c>&lt;set&gt;-&lt;i&gt;</c> with its claims from the volume claim templates (made before the pod, never deleted);
/// under OrderedReady a pod is created only when every lower ordinal is Running and Ready, and the highest surplus pod
/// is removed first, one at a time; Parallel does both at once. A rolling update deletes the highest pod at or above the
/// partition that is not of the update revision, once every pod is Ready; it comes back with the new template. Failed
/// pods are deleted and recreated. Each step is one reconcile; the pod events bring the key back.
/// </summary>
/// <remarks>
/// Kubernetes keeps each revision in a ControllerRevision; this SDK has none, so a pod below the partition that must be
/// recreated takes the template of a live pod of the current revision, or the new template when none is left.
/// </remarks>
internal sealed partial class StatefulSetController(ResourceStore store, ISharedInformerFactory informers, TimeProvider time, IOptions<ControllerOptions> options, ILogger<StatefulSetController> logger, IEventRecorderFactory? events = null, Orchestration.Sdk.Diagnostics.OrchestrationMetrics? metrics = null)
    : Controller("statefulset-controller", store, informers, time, options.Value, logger, metrics)
{
    private readonly IEventRecorder _events = events?.CreateRecorder("statefulset-controller") ?? NullEventRecorder.Instance;

    protected override IReadOnlyList<WatchSource> Sources { get; } =
    [
        WatchSource.Self(StatefulSet.KindName),
        WatchSource.Owner(Pod.KindName, StatefulSet.KindName),
    ];

    /// <summary>The name of the claim of template <paramref name="template"/> for pod <paramref name="ordinal"/>.</summary>
    public static string ClaimName(string template, string set, int ordinal) => $"{template}-{set}-{ordinal.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The name of pod <paramref name="ordinal"/>.</summary>
    public static string PodName(string set, int ordinal) => $"{set}-{ordinal.ToString(CultureInfo.InvariantCulture)}";

    protected override async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var set = Store.Get<StatefulSet>(key);
        if (set is null || set.Metadata.DeletionTimestamp is not null)
        {
            return ReconcileResult.Done;
        }

        var informer = Informers.For<Pod>();
        await informer.WaitForSyncAsync(cancellationToken).ConfigureAwait(false);
        var pods = new SortedDictionary<int, Pod>();
        foreach (var pod in informer.ByIndex(InformerIndexes.Owner, set.Metadata.Uid))
        {
            if (OrdinalOf(set, pod) is { } ordinal)
            {
                pods[ordinal] = pod;
            }
        }

        var updateRevision = set.Metadata.Name + "-" + Names.Hash(set.Spec.Template);
        var currentRevision = set.Status.CurrentRevision ?? updateRevision;
        Step(set, pods, currentRevision, updateRevision);
        WriteStatus(set, pods.Values, currentRevision, updateRevision);
        return ReconcileResult.Done;
    }

    private static int? OrdinalOf(StatefulSet set, Pod pod)
    {
        var prefix = set.Metadata.Name + "-";
        return pod.Metadata.Name.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(pod.Metadata.Name.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal)
            && PodName(set.Metadata.Name, ordinal) == pod.Metadata.Name
            ? ordinal
            : null;
    }

    private static bool IsHealthy(Pod pod) => !pod.IsTerminating() && pod.Status.Phase == PodPhase.Running && pod.Status.IsReady;

    private static string RevisionOf(Pod pod) => pod.Metadata.Labels.GetValueOrDefault(StatefulSet.RevisionLabel, string.Empty);

    /// <summary>One step toward the spec: create, replace or delete pods as the policy allows.</summary>
    private void Step(StatefulSet set, SortedDictionary<int, Pod> pods, string currentRevision, string updateRevision)
    {
        var ordered = set.Spec.PodManagementPolicy == PodManagementPolicy.OrderedReady;
        var now = Time.GetUtcNow();
        var replicas = Math.Max(0, set.Spec.Replicas);
        var partition = set.Spec.UpdateStrategy.Type == StatefulSetUpdateStrategyType.RollingUpdate ? set.Spec.UpdateStrategy.Partition : int.MaxValue;

        for (var ordinal = 0; ordinal < replicas; ordinal++)
        {
            if (pods.TryGetValue(ordinal, out var pod) && pod.Status.Phase is PodPhase.Failed or PodPhase.Succeeded && !pod.IsTerminating())
            {
                Store.DeletePod(pod, now); // a finished pod is recreated with the same identity
                _events.Normal(set, "SuccessfulDelete", $"delete Pod {pod.Metadata.Name} in StatefulSet {set.Metadata.Name} successful");
                return;
            }

            if (pod is null)
            {
                var revision = ordinal < partition ? currentRevision : updateRevision;
                Create(set, ordinal, revision, TemplateFor(set, pods, revision, updateRevision));
                if (ordered)
                {
                    return;
                }

                continue;
            }

            if (ordered && !IsHealthy(pod))
            {
                return; // the next ordinal waits for this one to be Running and Ready
            }
        }

        var condemned = pods.Where(p => p.Key >= replicas && !p.Value.IsTerminating()).OrderByDescending(p => p.Key).Select(p => p.Value).ToList();
        if (condemned.Count > 0)
        {
            if (ordered && pods.Values.Any(p => p.IsTerminating()))
            {
                return; // one at a time
            }

            foreach (var victim in ordered ? condemned.Take(1) : condemned)
            {
                Store.DeletePod(victim, now);
                _events.Normal(set, "SuccessfulDelete", $"delete Pod {victim.Metadata.Name} in StatefulSet {set.Metadata.Name} successful");
            }

            return;
        }

        if (set.Spec.UpdateStrategy.Type != StatefulSetUpdateStrategyType.RollingUpdate || pods.Values.Any(p => !IsHealthy(p)))
        {
            return;
        }

        var stale = pods.Where(p => p.Key >= partition && p.Key < replicas && RevisionOf(p.Value) != updateRevision).OrderByDescending(p => p.Key).FirstOrDefault();
        if (stale.Value is { } old)
        {
            Store.DeletePod(old, now);
            _events.Normal(set, "SuccessfulDelete", $"delete Pod {old.Metadata.Name} in StatefulSet {set.Metadata.Name} successful");
        }
    }

    private static PodTemplateSpec TemplateFor(StatefulSet set, SortedDictionary<int, Pod> pods, string revision, string updateRevision)
    {
        if (revision == updateRevision)
        {
            return set.Spec.Template;
        }

        var live = pods.Values.FirstOrDefault(p => RevisionOf(p) == revision);
        return live is null
            ? set.Spec.Template
            : new PodTemplateSpec
            {
                Labels = live.Metadata.Labels.Where(l => l.Key is not (StatefulSet.RevisionLabel or StatefulSet.PodNameLabel or StatefulSet.PodIndexLabel))
                    .ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal),
                Annotations = live.Metadata.Annotations,
                Spec = live.Spec with { NodeName = null },
            };
    }

    private void Create(StatefulSet set, int ordinal, string revision, PodTemplateSpec template)
    {
        var name = PodName(set.Metadata.Name, ordinal);
        var volumes = template.Spec.Volumes.Where(v => set.Spec.VolumeClaimTemplates.All(t => t.Name != v.Name)).ToList();
        foreach (var claimTemplate in set.Spec.VolumeClaimTemplates)
        {
            var claimName = ClaimName(claimTemplate.Name, set.Metadata.Name, ordinal);
            EnsureClaim(set, claimName, claimTemplate);
            volumes.Add(new Volume { Name = claimTemplate.Name, PersistentVolumeClaim = new PersistentVolumeClaimVolumeSource { ClaimName = claimName } });
        }

        var labels = new Dictionary<string, string>(template.Labels, StringComparer.Ordinal)
        {
            [StatefulSet.RevisionLabel] = revision,
            [StatefulSet.PodNameLabel] = name,
            [StatefulSet.PodIndexLabel] = ordinal.ToString(CultureInfo.InvariantCulture),
        };
        try
        {
            Store.Create(new Pod
            {
                Metadata = new ObjectMeta
                {
                    Name = name,
                    Namespace = set.Metadata.Namespace,
                    Labels = labels,
                    Annotations = template.Annotations,
                    OwnerReferences = [new OwnerReference(StatefulSet.KindName, set.Metadata.Name, set.Metadata.Uid)],
                },
                Spec = template.Spec with
                {
                    NodeName = null,
                    Volumes = volumes,
                },
            });
            LogCreatedPod(Logger, set.Metadata.Name, name);
            _events.Normal(set, "SuccessfulCreate", $"create Pod {name} in StatefulSet {set.Metadata.Name} successful");
        }
        catch (AlreadyExistsException)
        {
            // The previous pod of this ordinal is still being removed; its deletion brings the key back.
        }
    }

    private void EnsureClaim(StatefulSet set, string claimName, PersistentVolumeClaimTemplate template)
    {
        if (Store.Get<PersistentVolumeClaim>(new ObjectKey(PersistentVolumeClaim.KindName, set.Metadata.Namespace, claimName)) is not null)
        {
            return;
        }

        try
        {
            Store.Create(new PersistentVolumeClaim
            {
                // No owner reference: with the default retention policy (Retain) the claim outlives the set, as in Kubernetes.
                Metadata = new ObjectMeta { Name = claimName, Namespace = set.Metadata.Namespace, Labels = set.Spec.Selector.MatchLabels },
                Spec = template.Spec with { VolumeName = null },
            });
            _events.Normal(set, "SuccessfulCreate", $"create Claim {claimName} for Pod {claimName[(template.Name.Length + 1)..]} in StatefulSet {set.Metadata.Name} success");
        }
        catch (AlreadyExistsException)
        {
        }
    }

    private void WriteStatus(StatefulSet set, IEnumerable<Pod> all, string currentRevision, string updateRevision)
    {
        var pods = all.Where(p => !p.IsTerminating()).ToList();
        var updated = pods.Count(p => RevisionOf(p) == updateRevision);
        var complete = updated == pods.Count && pods.Count == set.Spec.Replicas;
        var status = new StatefulSetStatus
        {
            ObservedGeneration = set.Metadata.Generation,
            Replicas = pods.Count,
            ReadyReplicas = pods.Count(p => p.Status.IsReady),
            AvailableReplicas = pods.Count(p => p.Status.IsReady),
            CurrentReplicas = complete ? updated : pods.Count(p => RevisionOf(p) == currentRevision),
            UpdatedReplicas = updated,
            CurrentRevision = complete ? updateRevision : currentRevision,
            UpdateRevision = updateRevision,
        };
        Store.Mutate<StatefulSet>(set.Key, s => s.Status == status ? s : s with { Status = status }, statusOnly: true);
    }

    [LoggerMessage(EventId = 1901, Level = LogLevel.Information, Message = "StatefulSet {StatefulSet}: created pod {Pod}")]
    private static partial void LogCreatedPod(ILogger logger, string statefulSet, string pod);
}

using k8s.Models;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.StatefulSets;
using Orchestration.Sdk.Storage;
using static Orchestration.Sdk.Kubernetes.Wire.MetaMapper;

namespace Orchestration.Sdk.Kubernetes.Wire;

/// <summary>Maps PersistentVolumeClaims (core/v1) and StatefulSets (apps/v1) with the defaults kube-apiserver fills in.</summary>
internal static class StorageMapper
{
    /// <summary>
    /// The SDK's claim reclaim policy has no PersistentVolumeClaim field in Kubernetes (there it is the bound
    /// PersistentVolume's <c>persistentVolumeReclaimPolicy</c>, and the SDK serves no PersistentVolumes), so it
    /// round-trips through this annotation; absent means Retain, the SDK's default.
    /// </summary>
    public const string ReclaimPolicyAnnotation = "orchestration.sdk/reclaim-policy";

    public static V1PersistentVolumeClaim ToWire(PersistentVolumeClaim claim)
    {
        var meta = MetaMapper.ToWire(claim.Metadata, namespaced: true);
        if (claim.Spec.ReclaimPolicy != PersistentVolumeReclaimPolicy.Retain)
        {
            meta.Annotations ??= new Dictionary<string, string>();
            meta.Annotations[ReclaimPolicyAnnotation] = claim.Spec.ReclaimPolicy.ToString();
        }

        return new V1PersistentVolumeClaim
        {
            ApiVersion = "v1",
            Kind = PersistentVolumeClaim.KindName,
            Metadata = meta,
            Spec = ToWire(claim.Spec),
            Status = new V1PersistentVolumeClaimStatus
            {
                Phase = claim.Status.Phase.ToString(),
                AccessModes = List(claim.Status.AccessModes.Select(m => m.ToString())),
                Capacity = claim.Status.Capacity is { } capacity ? new Dictionary<string, ResourceQuantity> { ["storage"] = Quantity(capacity) } : null,
            },
        };
    }

    public static PersistentVolumeClaim FromWire(V1PersistentVolumeClaim claim)
    {
        var meta = MetaMapper.FromWire(claim.Metadata, namespaced: true);
        var policy = PersistentVolumeReclaimPolicy.Retain;
        if (meta.Annotations.TryGetValue(ReclaimPolicyAnnotation, out var text))
        {
            policy = Enum(text, PersistentVolumeReclaimPolicy.Retain);
            meta = meta with { Annotations = meta.Annotations.Where(a => a.Key != ReclaimPolicyAnnotation).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal) };
        }

        var s = claim.Status;
        return new PersistentVolumeClaim
        {
            Metadata = meta,
            Spec = FromWire(claim.Spec) with { ReclaimPolicy = policy },
            Status = s is null ? new PersistentVolumeClaimStatus() : new PersistentVolumeClaimStatus
            {
                Phase = Enum(s.Phase, PersistentVolumeClaimPhase.Pending),
                AccessModes = Modes(s.AccessModes),
                Capacity = s.Capacity is not null && s.Capacity.TryGetValue("storage", out var capacity) ? Quantity(capacity) : (Quantity?)null,
            },
        };
    }

    /// <summary>A claim spec (the reclaim policy is not in it: see <see cref="ReclaimPolicyAnnotation"/>).</summary>
    public static V1PersistentVolumeClaimSpec ToWire(PersistentVolumeClaimSpec spec) => new()
    {
        AccessModes = List(spec.AccessModes.Select(m => m.ToString())),
        Resources = new V1VolumeResourceRequirements
        {
            Requests = spec.StorageRequest is { } request ? new Dictionary<string, ResourceQuantity> { ["storage"] = Quantity(request) } : null,
        },
        StorageClassName = spec.StorageClassName,
        VolumeName = spec.VolumeName,
        VolumeMode = "Filesystem",
    };

    public static PersistentVolumeClaimSpec FromWire(V1PersistentVolumeClaimSpec? spec) => new()
    {
        AccessModes = Modes(spec?.AccessModes),
        StorageRequest = spec?.Resources?.Requests is { } requests && requests.TryGetValue("storage", out var storage) ? Quantity(storage) : (Quantity?)null,
        StorageClassName = spec?.StorageClassName,
        VolumeName = Empty(spec?.VolumeName),
    };

    public static V1StatefulSet ToWire(StatefulSet set) => new()
    {
        ApiVersion = "apps/v1",
        Kind = StatefulSet.KindName,
        Metadata = MetaMapper.ToWire(set.Metadata, namespaced: true),
        Spec = new V1StatefulSetSpec
        {
            Replicas = set.Spec.Replicas,
            Selector = new V1LabelSelector { MatchLabels = Map(set.Spec.Selector.MatchLabels) },
            Template = PodMapper.ToWire(set.Spec.Template),
            ServiceName = set.Spec.ServiceName,
            PodManagementPolicy = set.Spec.PodManagementPolicy.ToString(),
            UpdateStrategy = new V1StatefulSetUpdateStrategy
            {
                Type = set.Spec.UpdateStrategy.Type.ToString(),
                RollingUpdate = set.Spec.UpdateStrategy.Type == StatefulSetUpdateStrategyType.RollingUpdate
                    ? new V1RollingUpdateStatefulSetStrategy { Partition = set.Spec.UpdateStrategy.Partition }
                    : null,
            },
            RevisionHistoryLimit = 10,
            VolumeClaimTemplates = List(set.Spec.VolumeClaimTemplates.Select(t => new V1PersistentVolumeClaim
            {
                ApiVersion = "v1",
                Kind = PersistentVolumeClaim.KindName,
                Metadata = new V1ObjectMeta
                {
                    Name = t.Name,
                    Annotations = t.Spec.ReclaimPolicy == PersistentVolumeReclaimPolicy.Retain ? null
                        : new Dictionary<string, string> { [ReclaimPolicyAnnotation] = t.Spec.ReclaimPolicy.ToString() },
                },
                Spec = ToWire(t.Spec),
                Status = new V1PersistentVolumeClaimStatus { Phase = "Pending" },
            })),
        },
        Status = new V1StatefulSetStatus
        {
            ObservedGeneration = set.Status.ObservedGeneration == 0 ? null : set.Status.ObservedGeneration,
            Replicas = set.Status.Replicas,
            ReadyReplicas = NonZero(set.Status.ReadyReplicas),
            AvailableReplicas = set.Status.AvailableReplicas,
            CurrentReplicas = NonZero(set.Status.CurrentReplicas),
            UpdatedReplicas = NonZero(set.Status.UpdatedReplicas),
            CurrentRevision = set.Status.CurrentRevision,
            UpdateRevision = set.Status.UpdateRevision,
            CollisionCount = 0,
        },
    };

    public static StatefulSet FromWire(V1StatefulSet set)
    {
        var spec = set.Spec;
        var s = set.Status;
        return new StatefulSet
        {
            Metadata = MetaMapper.FromWire(set.Metadata, namespaced: true),
            Spec = new StatefulSetSpec
            {
                Replicas = spec?.Replicas ?? 1,
                Selector = new LabelSelector { MatchLabels = Map(spec?.Selector?.MatchLabels) },
                Template = PodMapper.FromWire(spec?.Template),
                ServiceName = Empty(spec?.ServiceName),
                PodManagementPolicy = Enum(spec?.PodManagementPolicy, PodManagementPolicy.OrderedReady),
                UpdateStrategy = new StatefulSetUpdateStrategy
                {
                    Type = Enum(spec?.UpdateStrategy?.Type, StatefulSetUpdateStrategyType.RollingUpdate),
                    Partition = spec?.UpdateStrategy?.RollingUpdate?.Partition ?? 0,
                },
                VolumeClaimTemplates = spec?.VolumeClaimTemplates?.Select(t => new PersistentVolumeClaimTemplate
                {
                    Name = t.Metadata?.Name ?? string.Empty,
                    Spec = FromWire(t.Spec) with
                    {
                        ReclaimPolicy = t.Metadata?.Annotations is { } a && a.TryGetValue(ReclaimPolicyAnnotation, out var p)
                            ? Enum(p, PersistentVolumeReclaimPolicy.Retain) : PersistentVolumeReclaimPolicy.Retain,
                    },
                }).ToList() ?? [],
            },
            Status = s is null ? new StatefulSetStatus() : new StatefulSetStatus
            {
                ObservedGeneration = s.ObservedGeneration ?? 0,
                Replicas = s.Replicas,
                ReadyReplicas = s.ReadyReplicas ?? 0,
                AvailableReplicas = s.AvailableReplicas ?? 0,
                CurrentReplicas = s.CurrentReplicas ?? 0,
                UpdatedReplicas = s.UpdatedReplicas ?? 0,
                CurrentRevision = s.CurrentRevision,
                UpdateRevision = s.UpdateRevision,
            },
        };
    }

    private static List<PersistentVolumeAccessMode> Modes(IEnumerable<string>? modes) =>
        modes?.Select(m => Enum(m, (PersistentVolumeAccessMode)(-1))).ToList() ?? [];

    private static int? NonZero(int value) => value == 0 ? null : value;
}

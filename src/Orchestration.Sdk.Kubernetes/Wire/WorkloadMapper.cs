using k8s.Models;
using Orchestration.Sdk.Model;
using static Orchestration.Sdk.Kubernetes.Wire.MetaMapper;

namespace Orchestration.Sdk.Kubernetes.Wire;

/// <summary>Maps Deployments and ReplicaSets (apps/v1).</summary>
internal static class WorkloadMapper
{
    public static V1Deployment ToWire(Deployment d) => new()
    {
        ApiVersion = "apps/v1",
        Kind = Deployment.KindName,
        Metadata = MetaMapper.ToWire(d.Metadata, namespaced: true),
        Spec = new V1DeploymentSpec
        {
            Replicas = d.Spec.Replicas,
            Selector = ToWire(d.Spec.Selector),
            Template = PodMapper.ToWire(d.Spec.Template),
            RevisionHistoryLimit = d.Spec.RevisionHistoryLimit,
            Strategy = d.Spec.Strategy.Type == DeploymentStrategyType.Recreate
                ? new V1DeploymentStrategy { Type = "Recreate" }
                : new V1DeploymentStrategy
                {
                    Type = "RollingUpdate",
                    RollingUpdate = new V1RollingUpdateDeployment { MaxSurge = IntOrPercent(d.Spec.Strategy.MaxSurge), MaxUnavailable = IntOrPercent(d.Spec.Strategy.MaxUnavailable) },
                },
            MinReadySeconds = d.Spec.MinReadySeconds == 0 ? null : d.Spec.MinReadySeconds,
            ProgressDeadlineSeconds = d.Spec.ProgressDeadlineSeconds,
            Paused = d.Spec.Paused ? true : null,
        },
        Status = new V1DeploymentStatus
        {
            ObservedGeneration = d.Status.ObservedGeneration == 0 ? null : d.Status.ObservedGeneration,
            Replicas = Count(d.Status.Replicas),
            UpdatedReplicas = Count(d.Status.UpdatedReplicas),
            ReadyReplicas = Count(d.Status.ReadyReplicas),
            AvailableReplicas = Count(d.Status.AvailableReplicas),
            UnavailableReplicas = Count(Math.Max(0, d.Status.Replicas - d.Status.AvailableReplicas)),
            Conditions = List(d.Status.Conditions.Select(c => new V1DeploymentCondition { Status = c.Status, Type = c.Type, LastTransitionTime = Time(c.LastTransitionTime), LastUpdateTime = Time(c.LastUpdateTime), Message = c.Message, Reason = c.Reason })),
        },
    };

    public static Deployment FromWire(V1Deployment d)
    {
        var spec = d.Spec ?? new V1DeploymentSpec();
        var rolling = spec.Strategy?.RollingUpdate;
        var defaults = new DeploymentStrategy();
        return new Deployment
        {
            Metadata = MetaMapper.FromWire(d.Metadata, namespaced: true),
            Spec = new DeploymentSpec
            {
                Replicas = spec.Replicas ?? 1,
                Selector = FromWire(spec.Selector),
                Template = PodMapper.FromWire(spec.Template),
                RevisionHistoryLimit = spec.RevisionHistoryLimit ?? 10,
                Strategy = new DeploymentStrategy
                {
                    Type = Enum(spec.Strategy?.Type, DeploymentStrategyType.RollingUpdate),
                    MaxSurge = rolling?.MaxSurge is { } surge ? Model.IntOrPercent.Parse(surge.Value) : defaults.MaxSurge,
                    MaxUnavailable = rolling?.MaxUnavailable is { } unavailable ? Model.IntOrPercent.Parse(unavailable.Value) : defaults.MaxUnavailable,
                },
                MinReadySeconds = spec.MinReadySeconds ?? 0,
                ProgressDeadlineSeconds = spec.ProgressDeadlineSeconds ?? 600,
                Paused = spec.Paused ?? false,
            },
            Status = d.Status is not { } s ? new DeploymentStatus() : new DeploymentStatus
            {
                ObservedGeneration = s.ObservedGeneration ?? 0,
                Replicas = s.Replicas ?? 0,
                UpdatedReplicas = s.UpdatedReplicas ?? 0,
                ReadyReplicas = s.ReadyReplicas ?? 0,
                AvailableReplicas = s.AvailableReplicas ?? 0,
                Conditions = s.Conditions?.Select(c => Condition(c.Type, c.Status, c.Reason, c.Message, c.LastTransitionTime, c.LastUpdateTime)).ToList() ?? [],
            },
        };
    }

    public static V1ReplicaSet ToWire(ReplicaSet rs) => new()
    {
        ApiVersion = "apps/v1",
        Kind = ReplicaSet.KindName,
        Metadata = MetaMapper.ToWire(rs.Metadata, namespaced: true),
        Spec = new V1ReplicaSetSpec
        {
            Replicas = rs.Spec.Replicas,
            Selector = ToWire(rs.Spec.Selector),
            Template = PodMapper.ToWire(rs.Spec.Template),
            MinReadySeconds = rs.Spec.MinReadySeconds == 0 ? null : rs.Spec.MinReadySeconds,
        },
        Status = new V1ReplicaSetStatus
        {
            Replicas = rs.Status.Replicas,
            ReadyReplicas = Count(rs.Status.ReadyReplicas),
            AvailableReplicas = Count(rs.Status.AvailableReplicas),
            ObservedGeneration = rs.Status.ObservedGeneration == 0 ? null : rs.Status.ObservedGeneration,
        },
    };

    public static ReplicaSet FromWire(V1ReplicaSet rs) => new()
    {
        Metadata = MetaMapper.FromWire(rs.Metadata, namespaced: true),
        Spec = new ReplicaSetSpec
        {
            Replicas = rs.Spec?.Replicas ?? 1,
            Selector = FromWire(rs.Spec?.Selector),
            Template = PodMapper.FromWire(rs.Spec?.Template),
            MinReadySeconds = rs.Spec?.MinReadySeconds ?? 0,
        },
        Status = new ReplicaSetStatus
        {
            Replicas = rs.Status?.Replicas ?? 0,
            ReadyReplicas = rs.Status?.ReadyReplicas ?? 0,
            AvailableReplicas = rs.Status?.AvailableReplicas ?? 0,
            ObservedGeneration = rs.Status?.ObservedGeneration ?? 0,
        },
    };

    public static V1LabelSelector ToWire(LabelSelector selector) => new() { MatchLabels = Map(selector.MatchLabels) };

    public static LabelSelector FromWire(V1LabelSelector? selector) => new() { MatchLabels = Map(selector?.MatchLabels) };

    /// <summary>Kubernetes omits a zero count in workload status (the field is omitempty).</summary>
    private static int? Count(int value) => value == 0 ? null : value;

    private static IntOrString IntOrPercent(IntOrPercent value) => value.IsPercent ? value.ToString() : value.Value;
}

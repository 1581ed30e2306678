using k8s.Models;
using Orchestration.Sdk.Configuration;
using Orchestration.Sdk.Model;
using static Orchestration.Sdk.Kubernetes.Wire.MetaMapper;

namespace Orchestration.Sdk.Kubernetes.Wire;

/// <summary>Maps pods, pod templates and pod specs.</summary>
internal static class PodMapper
{
    public static V1Pod ToWire(Pod pod) => new()
    {
        ApiVersion = "v1",
        Kind = Pod.KindName,
        Metadata = MetaMapper.ToWire(pod.Metadata, namespaced: true),
        Spec = ToWire(pod.Spec),
        Status = ToWire(pod.Status),
    };

    public static Pod FromWire(V1Pod pod) => new()
    {
        Metadata = MetaMapper.FromWire(pod.Metadata, namespaced: true),
        Spec = FromWire(pod.Spec),
        Status = pod.Status is null ? new PodStatus() : FromWire(pod.Status),
    };

    public static V1PodTemplateSpec ToWire(PodTemplateSpec template) => new()
    {
        Metadata = new V1ObjectMeta { Labels = Map(template.Labels), Annotations = Map(template.Annotations) },
        Spec = ToWire(template.Spec),
    };

    public static PodTemplateSpec FromWire(V1PodTemplateSpec? template) => new()
    {
        Labels = Map(template?.Metadata?.Labels),
        Annotations = Map(template?.Metadata?.Annotations),
        Spec = FromWire(template?.Spec),
    };

    public static V1PodSpec ToWire(PodSpec spec) => new()
    {
        Containers = spec.Containers.Select(ContainerMapper.ToWire).ToList(),
        InitContainers = List(spec.InitContainers.Select(ContainerMapper.ToWire)),
        RestartPolicy = spec.RestartPolicy.ToString(),
        NodeSelector = Map(spec.NodeSelector),
        Tolerations = List(spec.Tolerations.Select(ToWire)),
        NodeName = spec.NodeName,
        TerminationGracePeriodSeconds = spec.TerminationGracePeriodSeconds,
        Volumes = List(ContainerMapper.Volumes([.. spec.InitContainers, .. spec.Containers]).Concat(spec.Volumes.Select(ContainerMapper.ToWire))),
    };

    public static PodSpec FromWire(V1PodSpec? spec)
    {
        if (spec is null)
        {
            return new PodSpec();
        }

        var volumes = spec.Volumes?.ToDictionary(v => v.Name, StringComparer.Ordinal) ?? [];
        return new PodSpec
        {
            Containers = spec.Containers?.Select(c => ContainerMapper.FromWire(c, volumes)).ToList() ?? [],
            InitContainers = spec.InitContainers?.Select(c => ContainerMapper.FromWire(c, volumes)).ToList() ?? [],
            RestartPolicy = Enum(spec.RestartPolicy, RestartPolicy.Always),
            NodeSelector = Map(spec.NodeSelector),
            Tolerations = spec.Tolerations?.Select(FromWire).ToList() ?? [],
            NodeName = spec.NodeName,
            TerminationGracePeriodSeconds = spec.TerminationGracePeriodSeconds ?? 30,
            Volumes = spec.Volumes?.Select(ContainerMapper.FromWire).OfType<Volume>().ToList() ?? [],
        };
    }

    public static V1PodStatus ToWire(PodStatus status) => new()
    {
        Phase = status.Phase.ToString(),
        Conditions = List(status.Conditions.Select(c => new V1PodCondition { Status = c.Status, Type = c.Type, LastTransitionTime = Time(c.LastTransitionTime), Message = c.Message, Reason = c.Reason })),
        ContainerStatuses = List(status.ContainerStatuses.Select(ToWire)),
        InitContainerStatuses = List(status.InitContainerStatuses.Select(ToWire)),
        Reason = status.Reason,
        Message = status.Message,
        PodIP = status.PodIP,
        PodIPs = status.PodIP is { } ip ? [new V1PodIP { Ip = ip }] : null,
        HostIP = status.HostIP,
        StartTime = status.StartTime?.UtcDateTime,
        QosClass = "BestEffort",
    };

    public static PodStatus FromWire(V1PodStatus status) => new()
    {
        Phase = Enum(status.Phase, PodPhase.Pending),
        Conditions = status.Conditions?.Select(c => Condition(c.Type, c.Status, c.Reason, c.Message, c.LastTransitionTime)).ToList() ?? [],
        ContainerStatuses = status.ContainerStatuses?.Select(FromWire).ToList() ?? [],
        InitContainerStatuses = status.InitContainerStatuses?.Select(FromWire).ToList() ?? [],
        Reason = status.Reason,
        Message = status.Message,
        PodIP = status.PodIP,
        HostIP = status.HostIP,
        StartTime = status.StartTime is { } s ? Time((DateTime?)s) : null,
    };

    private static V1ContainerStatus ToWire(ContainerStatus s) => new()
    {
        Name = s.Name,
        State = ToWire(s.State),
        LastState = s.LastState is { } last ? ToWire(last) : new V1ContainerState(),
        Ready = s.Ready,
        RestartCount = s.RestartCount,
        Image = s.Image,
        ImageID = string.Empty,
        ContainerID = s.ContainerId,
        Started = s.State.Running is not null,
    };

    private static ContainerStatus FromWire(V1ContainerStatus s) => new()
    {
        Name = s.Name,
        State = s.State is null ? new ContainerState() : FromWire(s.State),
        LastState = s.LastState is { Running: null, Waiting: null, Terminated: null } or null ? null : FromWire(s.LastState),
        Ready = s.Ready,
        RestartCount = s.RestartCount,
        Image = s.Image ?? string.Empty,
        ContainerId = s.ContainerID,
    };

    private static V1ContainerState ToWire(ContainerState s) => new()
    {
        Waiting = s.Waiting is { } w ? new V1ContainerStateWaiting { Message = w.Message, Reason = w.Reason } : null,
        Running = s.Running is { } r ? new V1ContainerStateRunning { StartedAt = r.StartedAt.UtcDateTime } : null,
        Terminated = s.Terminated is { } t ? new V1ContainerStateTerminated { ExitCode = t.ExitCode, FinishedAt = t.FinishedAt.UtcDateTime, Message = t.Message, Reason = t.Reason, StartedAt = t.StartedAt.UtcDateTime } : null,
    };

    private static ContainerState FromWire(V1ContainerState s) => new()
    {
        Waiting = s.Waiting is { } w ? new ContainerStateWaiting(w.Reason ?? string.Empty, w.Message) : null,
        Running = s.Running is { } r ? new ContainerStateRunning(Time(r.StartedAt)) : null,
        Terminated = s.Terminated is { } t ? new ContainerStateTerminated(t.ExitCode, t.Reason ?? string.Empty, Time(t.StartedAt), Time(t.FinishedAt), t.Message) : null,
    };

    private static V1Toleration ToWire(Toleration t) => new()
    {
        Key = Empty(t.Key),
        OperatorProperty = t.Operator.ToString(),
        Value = Empty(t.Value),
        Effect = t.Effect?.ToString(),
        TolerationSeconds = t.TolerationSeconds,
    };

    private static Toleration FromWire(V1Toleration t) => new()
    {
        Key = t.Key ?? string.Empty,
        Operator = Enum(t.OperatorProperty, TolerationOperator.Equal),
        Value = t.Value ?? string.Empty,
        Effect = t.Effect is null ? null : Enum(t.Effect, TaintEffect.NoSchedule),
        TolerationSeconds = t.TolerationSeconds,
    };
}

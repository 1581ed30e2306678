using k8s.Models;
using Orchestration.Sdk.Autoscaling;
using Orchestration.Sdk.Configuration;
using Orchestration.Sdk.Events;
using Orchestration.Sdk.Kubernetes.Wire;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Networking;
using Orchestration.Sdk.StatefulSets;
using Orchestration.Sdk.Storage;

namespace Orchestration.Sdk.Kubernetes.Discovery;

/// <summary>
/// The kinds the API serves (one table; it moves to the core's public kind registry once that lands). Namespaces are a
/// fixed list; Events are the ones the SDK records (read-only), served as core/v1 and events.k8s.io/v1.
/// </summary>
internal static class ApiKinds
{
    public static readonly ApiKind Pod = new(Model.Pod.KindName, "pods", ["po"], string.Empty, "v1", true, typeof(V1Pod),
        r => PodMapper.ToWire((Pod)r), o => PodMapper.FromWire((V1Pod)o), HasStatus: true);

    public static readonly ApiKind Service = new(Networking.Service.KindName, "services", ["svc"], string.Empty, "v1", true, typeof(V1Service),
        r => ServiceMapper.ToWire((Service)r), o => ServiceMapper.FromWire((V1Service)o), HasStatus: true);

    public static readonly ApiKind Endpoints = new(Networking.Endpoints.KindName, "endpoints", ["ep"], string.Empty, "v1", true, typeof(V1Endpoints),
        r => ServiceMapper.ToWire((Endpoints)r), o => ServiceMapper.FromWire((V1Endpoints)o), Writable: false);

    public static readonly ApiKind ConfigMap = new(Configuration.ConfigMap.KindName, "configmaps", ["cm"], string.Empty, "v1", true, typeof(V1ConfigMap),
        r => ConfigMapper.ToWire((ConfigMap)r), o => ConfigMapper.FromWire((V1ConfigMap)o));

    public static readonly ApiKind Secret = new(Configuration.Secret.KindName, "secrets", [], string.Empty, "v1", true, typeof(V1Secret),
        r => ConfigMapper.ToWire((Secret)r), o => ConfigMapper.FromWire((V1Secret)o));

    public static readonly ApiKind Node = new(Model.Node.KindName, "nodes", ["no"], string.Empty, "v1", false, typeof(V1Node),
        r => NodeMapper.ToWire((Node)r), o => NodeMapper.FromWire((V1Node)o), Writable: false, HasStatus: true);

    public static readonly ApiKind Namespace = new("Namespace", "namespaces", ["ns"], string.Empty, "v1", false, typeof(V1Namespace),
        r => NodeMapper.Namespace(r.Metadata.Name, r.Metadata.CreationTimestamp), _ => throw new NotSupportedException(), Writable: false);

    public static readonly ApiKind Event = new(Events.Event.KindName, "events", ["ev"], string.Empty, "v1", true, typeof(Corev1Event),
        r => EventMapper.ToCoreWire((Event)r), _ => throw new NotSupportedException(), Writable: false);

    public static readonly ApiKind EventsV1 = new(Events.Event.KindName, "events", ["ev"], "events.k8s.io", "v1", true, typeof(Eventsv1Event),
        r => EventMapper.ToEventsWire((Event)r), _ => throw new NotSupportedException(), Writable: false);

    public static readonly ApiKind Deployment = new(Model.Deployment.KindName, "deployments", ["deploy"], "apps", "v1", true, typeof(V1Deployment),
        r => WorkloadMapper.ToWire((Deployment)r), o => WorkloadMapper.FromWire((V1Deployment)o), HasStatus: true, HasScale: true);

    public static readonly ApiKind ReplicaSet = new(Model.ReplicaSet.KindName, "replicasets", ["rs"], "apps", "v1", true, typeof(V1ReplicaSet),
        r => WorkloadMapper.ToWire((ReplicaSet)r), o => WorkloadMapper.FromWire((V1ReplicaSet)o), HasStatus: true, HasScale: true);

    public static readonly ApiKind Job = new(Model.Job.KindName, "jobs", [], "batch", "v1", true, typeof(V1Job),
        r => BatchMapper.ToWire((Job)r), o => BatchMapper.FromWire((V1Job)o), HasStatus: true);

    public static readonly ApiKind CronJob = new(Model.CronJob.KindName, "cronjobs", ["cj"], "batch", "v1", true, typeof(V1CronJob),
        r => BatchMapper.ToWire((CronJob)r), o => BatchMapper.FromWire((V1CronJob)o), HasStatus: true);

    public static readonly ApiKind StatefulSet = new(StatefulSets.StatefulSet.KindName, "statefulsets", ["sts"], "apps", "v1", true, typeof(V1StatefulSet),
        r => StorageMapper.ToWire((StatefulSet)r), o => StorageMapper.FromWire((V1StatefulSet)o), HasStatus: true);

    public static readonly ApiKind PersistentVolumeClaim = new(Storage.PersistentVolumeClaim.KindName, "persistentvolumeclaims", ["pvc"], string.Empty, "v1", true, typeof(V1PersistentVolumeClaim),
        r => StorageMapper.ToWire((PersistentVolumeClaim)r), o => StorageMapper.FromWire((V1PersistentVolumeClaim)o), HasStatus: true);

    public static readonly ApiKind Autoscaler = new(HorizontalPodAutoscaler.KindName, "horizontalpodautoscalers", ["hpa"], "autoscaling", "v2", true, typeof(V2HorizontalPodAutoscaler),
        r => AutoscalerMapper.ToWire((HorizontalPodAutoscaler)r), o => AutoscalerMapper.FromWire((V2HorizontalPodAutoscaler)o), HasStatus: true);

    public static readonly ApiKind AutoscalerV1 = new(HorizontalPodAutoscaler.KindName, "horizontalpodautoscalers", ["hpa"], "autoscaling", "v1", true, typeof(V1HorizontalPodAutoscaler),
        r => AutoscalerMapper.ToWireV1((HorizontalPodAutoscaler)r), o => AutoscalerMapper.FromWireV1((V1HorizontalPodAutoscaler)o), HasStatus: true);

    /// <summary>Every served kind, in discovery order (the first version of a group is its preferred one).</summary>
    public static readonly IReadOnlyList<ApiKind> All = [Pod, Service, Endpoints, ConfigMap, Secret, PersistentVolumeClaim, Node, Namespace, Event, Deployment, ReplicaSet, StatefulSet, Job, CronJob, Autoscaler, EventsV1, AutoscalerV1];

    /// <summary>The group versions served under /apis, with their kinds.</summary>
    public static IEnumerable<IGrouping<(string Group, string Version), ApiKind>> Groups =>
        All.Where(k => k.Group.Length > 0).GroupBy(k => (k.Group, k.Version));

    /// <summary>The core (/api/v1) kinds.</summary>
    public static IEnumerable<ApiKind> Core => All.Where(k => k.Group.Length == 0);

    /// <summary>Finds a kind by group, version and plural resource name.</summary>
    public static ApiKind? Find(string group, string version, string plural) =>
        All.FirstOrDefault(k => k.Group == group && k.Version == version && k.Plural == plural);

    /// <summary>The served kind of a stored object.</summary>
    public static ApiKind ForKind(string kind) => All.First(k => k.Kind == kind && k.Stored);
}

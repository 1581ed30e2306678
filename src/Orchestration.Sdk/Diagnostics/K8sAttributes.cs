using System.Diagnostics;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Diagnostics;

/// <summary>Attribute names of OpenTelemetry's Kubernetes semantic conventions, and the SDK's own where none exists.</summary>
internal static class K8sAttributes
{
    public const string NamespaceName = "k8s.namespace.name";
    public const string PodName = "k8s.pod.name";
    public const string PodUid = "k8s.pod.uid";
    public const string PodPhase = "k8s.pod.status.phase";
    public const string DeploymentName = "k8s.deployment.name";
    public const string DeploymentUid = "k8s.deployment.uid";
    public const string ReplicaSetName = "k8s.replicaset.name";
    public const string ReplicaSetUid = "k8s.replicaset.uid";
    public const string StatefulSetName = "k8s.statefulset.name";
    public const string JobName = "k8s.job.name";
    public const string CronJobName = "k8s.cronjob.name";
    public const string HpaName = "k8s.hpa.name";
    public const string HpaUid = "k8s.hpa.uid";
    public const string NodeName = "k8s.node.name";
    public const string NodeUid = "k8s.node.uid";
    public const string ContainerName = "k8s.container.name";

    /// <summary>The object's kind, for kinds that have no k8s.*.name attribute of their own (the SDK's own name).</summary>
    public const string ObjectKind = "orchestration.object.kind";

    /// <summary>The object's name, for kinds that have no k8s.*.name attribute of their own (the SDK's own name).</summary>
    public const string ObjectName = "orchestration.object.name";

    public const string Controller = "orchestration.controller.name";
    public const string SchedulerResult = "orchestration.scheduler.result";
    public const string RuntimeOperation = "orchestration.runtime.operation";
    public const string ErrorType = "error.type";

    /// <summary>The name attribute of a kind ("k8s.deployment.name"), or null for a kind the conventions do not name.</summary>
    public static string? NameOf(string kind) => kind switch
    {
        Pod.KindName => PodName,
        Deployment.KindName => DeploymentName,
        ReplicaSet.KindName => ReplicaSetName,
        Node.KindName => NodeName,
        StatefulSets.StatefulSet.KindName => StatefulSetName,
        Job.KindName => JobName,
        CronJob.KindName => CronJobName,
        Autoscaling.HorizontalPodAutoscaler.KindName => HpaName,
        _ => null,
    };

    /// <summary>The uid attribute of a kind ("k8s.pod.uid"), or null.</summary>
    public static string? UidOf(string kind) => kind switch
    {
        Pod.KindName => PodUid,
        Deployment.KindName => DeploymentUid,
        ReplicaSet.KindName => ReplicaSetUid,
        Node.KindName => NodeUid,
        Autoscaling.HorizontalPodAutoscaler.KindName => HpaUid,
        _ => null,
    };

    /// <summary>Tags the span with the object's namespace, name and uid under its kind's conventional names.</summary>
    public static void Tag(Activity activity, string kind, string @namespace, string name, string? uid = null)
    {
        if (@namespace.Length > 0)
        {
            activity.SetTag(NamespaceName, @namespace);
        }

        if (NameOf(kind) is { } nameAttribute)
        {
            activity.SetTag(nameAttribute, name);
        }
        else
        {
            activity.SetTag(ObjectKind, kind);
            activity.SetTag(ObjectName, name);
        }

        if (!string.IsNullOrEmpty(uid) && UidOf(kind) is { } uidAttribute)
        {
            activity.SetTag(uidAttribute, uid);
        }
    }
}

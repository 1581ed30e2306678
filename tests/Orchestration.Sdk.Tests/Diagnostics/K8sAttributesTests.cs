using System.Diagnostics;
using Orchestration.Sdk.Diagnostics;

namespace Orchestration.Sdk.Tests.Diagnostics;

/// <summary>Each kind's span attributes, by OpenTelemetry's Kubernetes conventions where they name the kind.</summary>
public sealed class K8sAttributesTests
{
    public static TheoryData<string, string, string?> Kinds => new()
    {
        { "Pod", "k8s.pod.name", "k8s.pod.uid" },
        { "Deployment", "k8s.deployment.name", "k8s.deployment.uid" },
        { "ReplicaSet", "k8s.replicaset.name", "k8s.replicaset.uid" },
        { "StatefulSet", "k8s.statefulset.name", null },
        { "Job", "k8s.job.name", null },
        { "CronJob", "k8s.cronjob.name", null },
        { "HorizontalPodAutoscaler", "k8s.hpa.name", "k8s.hpa.uid" },
        { "Node", "k8s.node.name", "k8s.node.uid" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Tag_ConventionalKind_SetsNamespaceNameAndUidAttributes(string kind, string nameAttribute, string? uidAttribute)
    {
        using var activity = new Activity("test");

        K8sAttributes.Tag(activity, kind, "shop", "web", "uid-1");

        Assert.Equal("shop", activity.GetTagItem("k8s.namespace.name"));
        Assert.Equal("web", activity.GetTagItem(nameAttribute));
        Assert.Equal(uidAttribute is null ? [] : [uidAttribute], activity.Tags.Where(t => t.Key.EndsWith(".uid", StringComparison.Ordinal) && t.Value == "uid-1").Select(t => t.Key));
        Assert.Null(activity.GetTagItem(K8sAttributes.ObjectKind));
    }

    [Fact]
    public void Tag_KindWithoutConvention_UsesTheSdksObjectKindAndName()
    {
        using var activity = new Activity("test");

        K8sAttributes.Tag(activity, "Service", "shop", "web", "uid-1");

        Assert.Equal("Service", activity.GetTagItem("orchestration.object.kind"));
        Assert.Equal("web", activity.GetTagItem("orchestration.object.name"));
        Assert.Equal("shop", activity.GetTagItem("k8s.namespace.name"));
    }

    [Fact]
    public void Tag_ClusterScopedObject_HasNoNamespaceAttribute()
    {
        using var activity = new Activity("test");

        K8sAttributes.Tag(activity, "Node", string.Empty, "node-1");

        Assert.Null(activity.GetTagItem("k8s.namespace.name"));
        Assert.Equal("node-1", activity.GetTagItem("k8s.node.name"));
    }
}

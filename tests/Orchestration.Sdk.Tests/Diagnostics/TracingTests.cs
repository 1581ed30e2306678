using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Orchestration.Sdk.Diagnostics;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Testing;

namespace Orchestration.Sdk.Tests.Diagnostics;

/// <summary>The SDK's spans, read with OpenTelemetry's in-memory exporter: one apply followed down to the containers it started.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TracingTests
{
    [Fact]
    public async Task Apply_DeploymentOfTwo_EachPodSyncLeadsBackThroughTheReconcilesToTheApply()
    {
        var spans = new LockedList<Activity>();
        using var tracing = OpenTelemetry.Sdk.CreateTracerProviderBuilder().AddSource(OrchestrationTelemetry.ActivitySourceName).AddInMemoryExporter(spans).Build();
        await using var cluster = await TestCluster.StartAsync(app => app.AddDeployment("traced").WithImage("web:1").WithReplicas(2));
        await cluster.WaitForReadyReplicasAsync("traced", 2);
        var pods = cluster.Pods("traced");
        await cluster.WaitUntilAsync("each pod's container start is exported with a chain back to the apply", _ => pods.All(p => ChainOf(StartOf(spans.Snapshot(), p), spans.Snapshot()) is [.., { DisplayName: "apply" }]));

        var all = spans.Snapshot();
        foreach (var pod in pods)
        {
            var start = StartOf(all, pod)!;
            Assert.Equal("traced", Tag(start, K8sAttributes.ContainerName));
            Assert.Equal(ActivityKind.Client, start.Kind);
            var chain = ChainOf(start, all);
            Assert.Equal(["runtime StartContainer", "sync pod", "reconcile replicaset-controller", "reconcile deployment-controller", "apply Deployment", "apply"], chain.Select(s => s.DisplayName));
            var (sync, replicaSet, deployment, apply) = (chain[1], chain[2], chain[3], chain[4]);
            Assert.Equal(pod.Metadata.Name, Tag(sync, K8sAttributes.PodName));
            Assert.Equal(pod.Metadata.Uid, Tag(sync, K8sAttributes.PodUid));
            Assert.Equal("default", Tag(sync, K8sAttributes.NamespaceName));
            Assert.Equal(pod.Spec.NodeName, Tag(sync, K8sAttributes.NodeName));
            Assert.Equal(pod.Metadata.Controller!.Name, Tag(replicaSet, K8sAttributes.ReplicaSetName));
            Assert.Equal("traced", Tag(deployment, K8sAttributes.DeploymentName));
            Assert.Equal("deployment-controller", Tag(deployment, K8sAttributes.Controller));
            Assert.Equal("traced", Tag(apply, K8sAttributes.DeploymentName));
            Assert.Equal(replicaSet.Id, pod.Metadata.Annotations[OrchestrationTelemetry.TraceParentAnnotation]);

            var scheduling = Assert.Single(all, s => s.DisplayName == "schedule pod" && Tag(s, K8sAttributes.PodUid) == pod.Metadata.Uid);
            Assert.Equal(replicaSet.SpanId, Assert.Single(scheduling.Links).Context.SpanId);
            Assert.Equal(pod.Spec.NodeName, Tag(scheduling, K8sAttributes.NodeName));
            Assert.Equal("scheduled", Tag(scheduling, K8sAttributes.SchedulerResult));
        }
    }

    [Fact]
    public async Task Apply_NobodyListening_StartsNoSpanAndWritesNoTraceAnnotation()
    {
        await using var cluster = await TestCluster.StartAsync(app => app.AddDeployment("quiet").WithImage("web:1"));
        await cluster.WaitForReadyReplicasAsync("quiet", 1);

        Assert.False(OrchestrationActivities.Source.HasListeners());
        Assert.Null(OrchestrationActivities.StartReconcile("deployment-controller", cluster.Deployment("quiet")!.Key, cluster.Deployment("quiet")));
        Assert.DoesNotContain(OrchestrationTelemetry.TraceParentAnnotation, cluster.Deployment("quiet")!.Metadata.Annotations.Keys);
        Assert.DoesNotContain(OrchestrationTelemetry.TraceParentAnnotation, cluster.Pods("quiet").Single().Metadata.Annotations.Keys);
    }

    /// <summary>The exported "runtime StartContainer" span of the pod's sync (a child of its "sync pod" span).</summary>
    private static Activity? StartOf(IReadOnlyList<Activity> spans, Pod pod) =>
        spans.FirstOrDefault(s => s.DisplayName == "runtime StartContainer" &&
            spans.Any(p => p.SpanId == s.ParentSpanId && p.DisplayName == "sync pod" && Tag(p, K8sAttributes.PodUid) == pod.Metadata.Uid));

    /// <summary>The span, then its cause: its parent, else the span it links to; as far as the exported spans go.</summary>
    private static List<Activity> ChainOf(Activity? span, IReadOnlyList<Activity> spans)
    {
        var chain = new List<Activity>();
        while (span is not null && chain.Count < 10)
        {
            chain.Add(span);
            var cause = span.ParentSpanId != default ? span.ParentSpanId : span.Links.Select(l => l.Context.SpanId).FirstOrDefault();
            span = cause == default ? null : spans.FirstOrDefault(s => s.SpanId == cause);
        }

        return chain;
    }

    private static string? Tag(Activity span, string name) => span.GetTagItem(name)?.ToString();
}

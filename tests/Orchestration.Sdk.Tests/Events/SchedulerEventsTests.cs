using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Events;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Testing;

namespace Orchestration.Sdk.Tests.Events;

public sealed class SchedulerEventsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Schedule_PodBound_ScheduledEventAsKubeSchedulerWritesIt()
    {
        await using var cluster = await TestCluster.StartAsync(app => app.AddDeployment("web").WithImage("web:1"), time: _time);
        await cluster.WaitUntilAsync("the pod is bound", c => c.Pods().Count == 1 && c.Pods()[0].Spec.NodeName is not null);
        var pod = cluster.Pods().Single();

        var e = await ClusterEvents.WaitForAsync(cluster, "Scheduled");

        Assert.Equal($"Successfully assigned default/{pod.Metadata.Name} to {pod.Spec.NodeName}", e.Message);
        Assert.Equal((EventTypes.Normal, "Binding", "default-scheduler", 1), (e.Type, e.Action, e.Source.Component, e.Count));
        Assert.Equal((Pod.KindName, "default", pod.Metadata.Name, pod.Metadata.Uid, "v1"), (e.InvolvedObject.Kind, e.InvolvedObject.Namespace, e.InvolvedObject.Name, e.InvolvedObject.Uid, e.InvolvedObject.ApiVersion));
        Assert.Equal(("default", _time.GetUtcNow()), (e.Metadata.Namespace, e.LastTimestamp));
        Assert.StartsWith(pod.Metadata.Name + ".", e.Metadata.Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_NoNodeFits_FailedSchedulingWarningWithTheFitError()
    {
        await using var cluster = await TestCluster.StartAsync(app => app.AddDeployment("big").WithImage("big:1").WithResources(cpu: "8", memory: "1Gi"), time: _time);

        var e = await ClusterEvents.WaitForAsync(cluster, "FailedScheduling");

        Assert.Equal("0/3 nodes are available: 3 Insufficient cpu.", e.Message);
        Assert.Equal((EventTypes.Warning, "Scheduling", "default-scheduler"), (e.Type, e.Action, e.Source.Component));
        Assert.Empty(ClusterEvents.List(cluster, "Scheduled"));
    }

    [Fact]
    public async Task WatchAsync_Events_StreamedThroughTheClient()
    {
        await using var cluster = await TestCluster.StartAsync(time: _time);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var watch = cluster.Client.WatchAsync<Event>(cancellationToken: cancel.Token).GetAsyncEnumerator(cancel.Token);
        var next = watch.MoveNextAsync();

        var app = new AppDeclaration();
        app.AddPod("web").WithImage("web:1");
        await cluster.Client.ApplyAsync(app, cancel.Token);

        Assert.True(await next);
        var e = Assert.IsType<Event>(watch.Current.Object);
        Assert.Equal(Event.KindName, e.Kind);
        await watch.DisposeAsync();
    }
}

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Events;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Tests.Fixtures;

namespace Orchestration.Sdk.Tests.Events;

/// <summary>The pipeline without its loop: <see cref="EventBroadcaster.Write"/> is called directly, on a fake clock.</summary>
public sealed class EventBroadcasterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly ResourceStore _store;

    public EventBroadcasterTests()
    {
        _store = new ResourceStore(_time);
    }

    [Fact]
    public async Task Record_FullQueue_ReturnsAtOnceAndCountsTheDrops()
    {
        var broadcaster = Broadcaster(new EventOptions { QueueCapacity = 5 });
        var recorder = broadcaster.CreateRecorder("kubelet", "node-1");
        var pod = Pod();

        var recording = Task.Run(() =>
        {
            for (var i = 0; i < 105; i++)
            {
                recorder.Warning(pod, "BackOff", $"attempt {i}");
            }
        });

        await recording.WaitAsync(TimeSpan.FromSeconds(10)); // throws TimeoutException if recording blocked on the full queue
        Assert.Equal(100, broadcaster.Dropped);
        Assert.Empty(_store.List<Event>(Event.KindName).Items); // nothing written until the loop runs
    }

    [Fact]
    public async Task RunAsync_QueuedEvents_WrittenToTheStore()
    {
        var broadcaster = Broadcaster(new EventOptions());
        using var stop = new CancellationTokenSource();
        var loop = broadcaster.RunAsync(stop.Token);
        broadcaster.CreateRecorder("default-scheduler").Normal(Pod(), "Scheduled", "Successfully assigned default/web-abc to node-1", action: "Binding");

        await StoreWait.UntilAsync(_store, () => _store.List<Event>(Event.KindName).Items.Count > 0, "the queued event written");

        await stop.CancelAsync();
        await loop;
        var e = Assert.Single(_store.List<Event>(Event.KindName).Items);
        Assert.Equal(("Scheduled", "Binding", "default-scheduler"), (e.Reason, e.Action, e.Source.Component));
    }

    [Fact]
    public void Write_RepeatedReport_OneEventWithCountAndLastTimestamp()
    {
        var broadcaster = Broadcaster(new EventOptions());
        var recorder = new EventRecorder(broadcaster, new EventSource("kubelet", "node-1"));
        var pod = Pod();

        broadcaster.Write(Report(recorder, pod));
        _time.Advance(TimeSpan.FromSeconds(30));
        broadcaster.Write(Report(recorder, pod));
        _time.Advance(TimeSpan.FromSeconds(30));
        broadcaster.Write(Report(recorder, pod));

        var e = Assert.Single(_store.List<Event>(Event.KindName).Items);
        Assert.Equal((3, _time.GetUtcNow().AddMinutes(-1), _time.GetUtcNow()), (e.Count, e.FirstTimestamp, e.LastTimestamp));
        Assert.Equal(1, e.Metadata.Generation);
    }

    [Fact]
    public void Write_EventRemovedMeanwhile_CreatedAgainWithTheNextCount()
    {
        var broadcaster = Broadcaster(new EventOptions());
        var recorder = new EventRecorder(broadcaster, new EventSource("kubelet", "node-1"));
        var pod = Pod();
        broadcaster.Write(Report(recorder, pod));
        var first = Assert.Single(_store.List<Event>(Event.KindName).Items);
        _store.Delete(first.Key);

        broadcaster.Write(Report(recorder, pod));

        var again = Assert.Single(_store.List<Event>(Event.KindName).Items);
        Assert.Equal((first.Metadata.Name, 2), (again.Metadata.Name, again.Count));
    }

    [Fact]
    public void Record_ClusterScopedObject_EventInTheDefaultNamespaceWithTheObjectsReference()
    {
        var broadcaster = Broadcaster(new EventOptions());
        var node = _store.Create(new Node { Metadata = new ObjectMeta { Name = "node-1", Namespace = string.Empty } });

        broadcaster.Write(Report(new EventRecorder(broadcaster, new EventSource("node-controller")), node, fieldPath: null));

        var e = Assert.Single(_store.List<Event>(Event.KindName).Items);
        Assert.Equal("default", e.Metadata.Namespace);
        Assert.StartsWith("node-1.", e.Metadata.Name, StringComparison.Ordinal);
        var reference = e.InvolvedObject;
        Assert.Equal(("Node", string.Empty, "node-1", node.Metadata.Uid, "v1", node.Metadata.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), null),
            (reference.Kind, reference.Namespace, reference.Name, reference.Uid, reference.ApiVersion, reference.ResourceVersion, reference.FieldPath));
    }

    [Fact]
    public void Record_AppsKind_ApiVersionAppsV1()
    {
        var broadcaster = Broadcaster(new EventOptions());
        var deployment = _store.Create(Kinds.KindCases.Deployment());

        broadcaster.Write(Report(new EventRecorder(broadcaster, new EventSource("deployment-controller")), deployment, fieldPath: null));

        Assert.Equal("apps/v1", Assert.Single(_store.List<Event>(Event.KindName).Items).InvolvedObject.ApiVersion);
    }

    private EventBroadcaster Broadcaster(EventOptions options) =>
        new(_store, _time, Options.Create(options), NullLogger<EventBroadcaster>.Instance);

    private Pod Pod() => _store.Create(new Pod
    {
        Metadata = new ObjectMeta { Name = "web-abc" },
        Spec = new PodSpec { Containers = [new Container { Name = "web", Image = "web:1" }] },
    });

    /// <summary>The report the recorder would queue, so a test can write it through the pipeline at once.</summary>
    private static PendingEvent Report(EventRecorder recorder, Resource obj, string? fieldPath = "spec.containers{web}") =>
        recorder.Build(obj, EventTypes.Warning, "BackOff", "Back-off restarting failed container web", fieldPath, null)!;
}

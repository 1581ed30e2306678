using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Tests.Store;

/// <summary>The pods/binding write: nodeName and PodScheduled=True at once, only for the same unbound pod.</summary>
public class ResourceStoreBindTests
{
    private static readonly Condition Scheduled = new(PodConditionType.PodScheduled, ConditionStatus.True, LastTransitionTime: new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private static Pod NewPod(string name) => new()
    {
        Metadata = new ObjectMeta { Name = name },
        Spec = new PodSpec { Containers = [new Container { Name = "c", Image = "busybox" }] },
    };

    [Fact]
    public async Task Bind_UnboundPod_SetsNodeAndConditionInOneWatchEvent()
    {
        var store = new ResourceStore();
        var pod = store.Create(NewPod("a"));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var events = store.Watch(Pod.KindName, pod.Metadata.ResourceVersion, cts.Token).GetAsyncEnumerator(cts.Token);

        var bound = store.Bind(pod.Key, pod.Metadata.Uid, "n1", Scheduled);

        Assert.NotNull(bound);
        Assert.Equal("n1", bound.Spec.NodeName);
        Assert.Equal(ConditionStatus.True, bound.Status.Conditions.Find(PodConditionType.PodScheduled)?.Status);
        Assert.Equal((pod.Metadata.ResourceVersion + 1, 2L), (bound.Metadata.ResourceVersion, bound.Metadata.Generation));
        Assert.True(await events.MoveNextAsync());
        Assert.Equal((WatchEventType.Modified, bound.Metadata.ResourceVersion), (events.Current.Type, events.Current.ResourceVersion));
        Assert.Equal(bound, store.Get<Pod>(pod.Key));
        await events.DisposeAsync();
    }

    [Fact]
    public void Bind_BoundOtherOrMissingPod_WritesNothing()
    {
        var store = new ResourceStore();
        var pod = store.Create(NewPod("a"));
        store.Bind(pod.Key, pod.Metadata.Uid, "n1", Scheduled);
        var version = store.Version;

        Assert.Equal("n1", store.Bind(pod.Key, pod.Metadata.Uid, "n2", Scheduled)?.Spec.NodeName);
        Assert.Equal("n1", store.Bind(pod.Key, "another-uid", "n2", Scheduled)?.Spec.NodeName);
        var other = store.Create(NewPod("b"));
        Assert.Null(store.Bind(other.Key, "another-uid", "n2", Scheduled)?.Spec.NodeName);
        Assert.Null(store.Bind(new ObjectKey(Pod.KindName, "default", "missing"), "uid", "n2", Scheduled));
        Assert.Equal(version + 1, store.Version); // only the create of b
    }
}

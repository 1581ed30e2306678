using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Tests.Store;

public class ResourceStoreTests
{
    private static Pod NewPod(string name, string app = "web") => new()
    {
        Metadata = new ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["app"] = app } },
        Spec = new PodSpec { Containers = [new Container { Name = "c", Image = "busybox" }] },
    };

    [Fact]
    public void Create_NewObject_AssignsUidVersionGenerationAndTimestamp()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var store = new ResourceStore(time);

        var pod = store.Create(NewPod("a"));

        Assert.NotEmpty(pod.Metadata.Uid);
        Assert.Equal(1, pod.Metadata.ResourceVersion);
        Assert.Equal(1, pod.Metadata.Generation);
        Assert.Equal(time.GetUtcNow(), pod.Metadata.CreationTimestamp);
    }

    [Fact]
    public void Create_ExistingName_ThrowsAlreadyExists()
    {
        var store = new ResourceStore();
        store.Create(NewPod("a"));

        var ex = Assert.Throws<AlreadyExistsException>(() => store.Create(NewPod("a")));
        Assert.Equal("pods \"a\" already exists", ex.Message);
    }

    [Fact]
    public void Update_StaleResourceVersion_IsConflictAndKeepsStoredObject()
    {
        var store = new ResourceStore();
        var v1 = store.Create(NewPod("a"));
        var v2 = store.Update(v1 with { Metadata = v1.Metadata with { Labels = new Dictionary<string, string> { ["app"] = "x" } } });

        var stale = v1 with { Metadata = v1.Metadata with { Labels = new Dictionary<string, string> { ["app"] = "lost" } } };
        var ex = Assert.Throws<ConflictException>(() => store.Update(stale));

        Assert.Contains("the object has been modified", ex.Message, StringComparison.Ordinal);
        Assert.Equal("x", store.Get<Pod>(v1.Key)!.Metadata.Labels["app"]);
        Assert.Equal(v2.Metadata.ResourceVersion, store.Get<Pod>(v1.Key)!.Metadata.ResourceVersion);
    }

    [Fact]
    public void Update_SpecChange_BumpsGenerationButMetadataOnlyDoesNot()
    {
        var store = new ResourceStore();
        var p = store.Create(NewPod("a"));

        p = store.Update(p with { Metadata = p.Metadata with { Annotations = new Dictionary<string, string> { ["k"] = "v" } } });
        Assert.Equal(1, p.Metadata.Generation);

        p = store.Update(p with { Spec = p.Spec with { RestartPolicy = RestartPolicy.Never } });
        Assert.Equal(2, p.Metadata.Generation);
    }

    [Fact]
    public void UpdateAndUpdateStatus_TouchOnlyTheirHalf()
    {
        var store = new ResourceStore();
        var p = store.Create(NewPod("a"));

        var withStatus = store.UpdateStatus(p with { Status = new PodStatus { Phase = PodPhase.Running }, Spec = p.Spec with { NodeName = "ignored" } });
        Assert.Equal(PodPhase.Running, withStatus.Status.Phase);
        Assert.Null(withStatus.Spec.NodeName);

        var withSpec = store.Update(withStatus with { Spec = withStatus.Spec with { NodeName = "n1" }, Status = new PodStatus() });
        Assert.Equal("n1", withSpec.Spec.NodeName);
        Assert.Equal(PodPhase.Running, withSpec.Status.Phase);
    }

    [Fact]
    public void List_BySelectorAndNamespace_ReturnsMatchesOnly()
    {
        var store = new ResourceStore();
        store.Create(NewPod("a", "web"));
        store.Create(NewPod("b", "db"));
        store.Create(NewPod("c", "web") with { Metadata = NewPod("c").Metadata with { Namespace = "other" } });

        var web = store.List<Pod>(Pod.KindName, "default", LabelSelector.Of(new Dictionary<string, string> { ["app"] = "web" }));

        Assert.Equal(["a"], web.Items.Select(p => p.Metadata.Name));
        Assert.Equal(3, store.List<Pod>(Pod.KindName).Items.Count);
    }

    [Fact]
    public async Task Watch_FromVersion_ReplaysLaterChangesInOrder()
    {
        var store = new ResourceStore();
        var a = store.Create(NewPod("a"));
        store.Create(NewPod("b"));
        store.Delete(a.Key);

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var seen = new List<(WatchEventType, string)>();
        await foreach (var e in store.Watch(Pod.KindName, a.Metadata.ResourceVersion, cts.Token))
        {
            seen.Add((e.Type, e.Object!.Metadata.Name));
            if (seen.Count == 2)
            {
                break;
            }
        }

        Assert.Equal([(WatchEventType.Added, "b"), (WatchEventType.Deleted, "a")], seen);
    }

    [Fact]
    public async Task Watch_VersionOlderThanHistory_YieldsExpired()
    {
        var store = new ResourceStore(TimeProvider.System, Options.Create(new StoreOptions { HistoryCapacity = 2 }));
        for (var i = 0; i < 5; i++)
        {
            store.Create(NewPod($"p{i}"));
        }

        var events = await ReadAll(store.Watch(Pod.KindName, fromVersion: 1));

        var only = Assert.Single(events);
        Assert.Equal(WatchEventType.Expired, only.Type);
        Assert.Contains("too old resource version: 1", only.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_WatcherFallsBehind_GetsEveryBufferedEventThenExpired()
    {
        var store = new ResourceStore(TimeProvider.System, Options.Create(new StoreOptions { WatcherBufferCapacity = 3 }));
        var start = store.Version;
        await using var watch = store.Watch(Pod.KindName, start).GetAsyncEnumerator();
        var first = watch.MoveNextAsync(); // registers the watcher
        for (var i = 0; i < 10; i++)
        {
            store.Create(NewPod($"p{i}"));
        }

        var seen = new List<WatchEvent>();
        while (await first || await watch.MoveNextAsync())
        {
            seen.Add(watch.Current);
            first = ValueTask.FromResult(false);
        }

        Assert.Equal(WatchEventType.Expired, seen[^1].Type);
        Assert.Contains("fell more than 3 events behind", seen[^1].Message, StringComparison.Ordinal);
        var names = seen.SkipLast(1).Select(e => e.Object!.Metadata.Name).ToList();
        Assert.Equal(names, Enumerable.Range(0, names.Count).Select(i => $"p{i}"));
    }

    [Fact]
    public async Task Watch_ConcurrentWriters_DeliversEveryVersionOnce()
    {
        var store = new ResourceStore();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var reader = Task.Run(async () =>
        {
            var versions = new List<long>();
            await foreach (var e in store.Watch(Pod.KindName, 0, cts.Token))
            {
                versions.Add(e.ResourceVersion);
                if (versions.Count == 400)
                {
                    break;
                }
            }

            return versions;
        });
        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                store.Create(NewPod($"w{w}-{i}"));
            }
        })));

        var seen = await reader;
        Assert.Equal(Enumerable.Range(1, 400).Select(i => (long)i), seen);
    }

    [Fact]
    public void Delete_WithStaleVersion_IsConflict()
    {
        var store = new ResourceStore();
        var p = store.Create(NewPod("a"));
        store.Update(p with { Spec = p.Spec with { NodeName = "n" } });

        Assert.Throws<ConflictException>(() => store.Delete(p.Key, p.Metadata.ResourceVersion));
        Assert.NotNull(store.Get<Pod>(p.Key));
    }

    private static async Task<List<WatchEvent>> ReadAll(IAsyncEnumerable<WatchEvent> source)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var list = new List<WatchEvent>();
        await foreach (var e in source.WithCancellation(cts.Token))
        {
            list.Add(e);
        }

        return list;
    }
}

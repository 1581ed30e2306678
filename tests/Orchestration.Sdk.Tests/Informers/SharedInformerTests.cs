using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;
using static Orchestration.Sdk.Tests.Informers.InformerFixtures;

namespace Orchestration.Sdk.Tests.Informers;

public sealed class SharedInformerTests : IAsyncDisposable
{
    private readonly ResourceStore _store = new(new FakeTimeProvider());
    private readonly FakeLogger<SharedInformerFactory> _log = new();
    private readonly SharedInformerFactory _factory;

    public SharedInformerTests() => _factory = new SharedInformerFactory(_store, new FakeTimeProvider(), _log);

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task WaitForSync_ExistingObjects_CachesTheListAndTellsHandlersAsInitial()
    {
        _store.Create(NewPod("a"));
        _store.Create(NewPod("b"));
        var pods = _factory.For<Pod>();
        var handler = new RecordingHandler<Pod>();
        var registration = pods.AddEventHandler(handler);
        Assert.False(pods.HasSynced);

        _factory.Start();
        await pods.WaitForSyncAsync(CancellationToken.None).WaitAsync(Bound);
        await registration.WaitForSyncAsync(CancellationToken.None).WaitAsync(Bound);

        Assert.True(pods.HasSynced);
        Assert.True(registration.HasSynced);
        Assert.Equal(["a", "b"], pods.List().Select(p => p.Metadata.Name));
        Assert.Equal(_store.Version, pods.LastResourceVersion);
        Assert.Equal(["add a (initial)", "add b (initial)"], await handler.NextAsync(2));
    }

    [Fact]
    public async Task InlineHandler_AddedAfterSync_IsToldTheListBeforeTheCallReturns_ThenEveryChangeInOrder()
    {
        _store.Create(NewPod("a"));
        _store.Create(NewPod("b"));
        var pods = (TypedInformer<Pod>)_factory.For<Pod>();
        _factory.Start();
        await pods.WaitForSyncAsync(CancellationToken.None).WaitAsync(Bound);
        var handler = new RecordingHandler<Pod>();

        using var registration = pods.AddInlineEventHandler(handler);

        // Delivered on the calling thread, under the informer's lock: no queue, no thread-pool hop.
        Assert.True(registration.HasSynced);
        lock (handler.Seen)
        {
            Assert.Equal(["add a (initial)", "add b (initial)"], handler.Seen);
        }

        var a = _store.Get<Pod>(new ObjectKey(Pod.KindName, "default", "a"))!;
        var a2 = _store.Update(Relabel(a, "api"));
        _store.Delete(a.Key);
        Assert.Equal(["add a (initial)", "add b (initial)", $"update a {a.Metadata.ResourceVersion}->{a2.Metadata.ResourceVersion}", "delete a"], await handler.NextAsync(4));
    }

    [Fact]
    public async Task Watch_ChangesAfterTheList_AreToldInOrderWithOldAndNew()
    {
        var pods = _factory.For<Pod>();
        var handler = new RecordingHandler<Pod>();
        pods.AddEventHandler(handler);
        _factory.Start();
        await pods.WaitForSyncAsync(CancellationToken.None).WaitAsync(Bound);

        var a = _store.Create(NewPod("a"));
        var a2 = _store.Update(Relabel(a, "api"));
        _store.Delete(a.Key);

        Assert.Equal(["add a", $"update a {a.Metadata.ResourceVersion}->{a2.Metadata.ResourceVersion}", "delete a"], await handler.NextAsync(3));
        Assert.Null(pods.Get("a"));
        Assert.Equal(_store.Version, pods.LastResourceVersion);
    }

    [Fact]
    public async Task Watch_Expired_RelistsWithoutLosingOrRepeatingAnObject()
    {
        var gate = new GatedReads(Pod.KindName);
        var store = new ResourceStore(new FakeTimeProvider(), Microsoft.Extensions.Options.Options.Create(new StoreOptions { WatcherBufferCapacity = 2 }));
        store.UseTransformer(gate);
        await using var factory = new SharedInformerFactory(store, new FakeTimeProvider(), _log);
        var a = store.Create(NewPod("a"));
        var b = store.Create(NewPod("b"));
        var pods = factory.For<Pod>();
        var handler = new RecordingHandler<Pod>();
        pods.AddEventHandler(handler);
        factory.Start();
        await pods.WaitForSyncAsync(CancellationToken.None).WaitAsync(Bound);
        Assert.Equal(["add a (initial)", "add b (initial)"], await handler.NextAsync(2));

        store.Create(NewPod("gate", app: GatedReads.BlockLabel)); // the informer's watch stops on this event
        await gate.Blocked.WaitAsync(Bound);
        store.Update(Relabel(a, "api"));
        store.Create(NewPod("c"));
        store.Create(NewPod("d")); // the third undelivered event: the watcher falls behind and is expired
        store.Delete(b.Key);       // seen only by the relist
        gate.Release();

        await handler.NextAsync(4); // gate, a's update, c, then the relist's difference: d and b's delete
        var rest = await handler.NextAsync(1);
        lock (handler.Seen)
        {
            Assert.Equal(1, handler.Seen.Count(e => e.StartsWith("add d", StringComparison.Ordinal)));
            Assert.Equal(1, handler.Seen.Count(e => e.StartsWith("add c", StringComparison.Ordinal)));
            Assert.Equal(1, handler.Seen.Count(e => e == "delete b"));
            Assert.Equal(1, handler.Seen.Count(e => e.StartsWith("update a", StringComparison.Ordinal)));
            Assert.Equal(7, handler.Seen.Count);
        }

        Assert.NotEmpty(rest);
        Assert.Equal(store.List<Pod>(Pod.KindName).Items.Select(p => (p.Metadata.Name, p.Metadata.ResourceVersion)),
            pods.List().Select(p => (p.Metadata.Name, p.Metadata.ResourceVersion)));
        Assert.Contains(_log.Collector.GetSnapshot(), r => r.Message.Contains("watch expired", StringComparison.Ordinal));
        Assert.Equal(0, handler.Pending);
    }

    [Fact]
    public async Task AddEventHandler_AfterSync_GetsTheCachedObjectsThenLaterChanges()
    {
        _store.Create(NewPod("a"));
        var pods = _factory.For<Pod>();
        _factory.Start();
        await pods.WaitForSyncAsync(CancellationToken.None).WaitAsync(Bound);
        _store.Create(NewPod("b"));

        var late = new RecordingHandler<Pod>();
        var registration = pods.AddEventHandler(late);
        _store.Create(NewPod("c"));

        var first = await late.NextAsync(1);
        await registration.WaitForSyncAsync(CancellationToken.None).WaitAsync(Bound);
        var next = await late.NextAsync(2);
        Assert.Equal("add a (initial)", first[0]);
        Assert.Contains("add c", next);
        Assert.Equal(3, first.Concat(next).Distinct().Count());
    }

    [Fact]
    public async Task ByIndex_BuiltInAndCustomIndexes_FollowChanges()
    {
        var owner = new OwnerReference("ReplicaSet", "web-1", "uid-1");
        var a = _store.Create(NewPod("a", node: "n1", owner: owner));
        _store.Create(NewPod("b", app: "api", node: "n2", ns: "shop"));
        _store.Create(NewPod("c", owner: owner));
        var pods = _factory.For<Pod>();
        var handler = new RecordingHandler<Pod>();
        pods.AddEventHandler(handler);
        _factory.Start();
        await pods.WaitForSyncAsync(CancellationToken.None).WaitAsync(Bound);
        pods.AddIndex("image", p => p.Spec.Containers.Select(c => c.Image));

        Assert.Equal(["b"], Names(pods.ByIndex(InformerIndexes.Namespace, "shop")));
        Assert.Equal(["b"], Names(pods.List("shop")));
        Assert.Equal(["a", "c"], Names(pods.ByIndex(InformerIndexes.Label, InformerIndexes.LabelValue("app", "web"))));
        Assert.Equal(["a", "c"], Names(pods.ByIndex(InformerIndexes.Owner, "uid-1")));
        Assert.Equal(["a", "c"], Names(pods.ByIndex(InformerIndexes.Owner, InformerIndexes.OwnerValue("ReplicaSet", "web-1"))));
        Assert.Equal(["b"], Names(pods.ByIndex(InformerIndexes.Node, "n2")));
        Assert.Equal(["a", "c", "b"], Names(pods.ByIndex("image", "busybox")));

        _store.Update(Relabel(a, "api"));
        await handler.NextAsync(4);

        Assert.Equal(["c"], Names(pods.ByIndex(InformerIndexes.Label, "app=web")));
        Assert.Equal(["a", "b"], Names(pods.ByIndex(InformerIndexes.Label, "app=api")));
        Assert.Empty(pods.ByIndex(InformerIndexes.Node, "n3"));
        Assert.Throws<ArgumentException>(() => pods.ByIndex("nope", "x"));
        Assert.Throws<ArgumentException>(() => pods.AddIndex("image", _ => []));
    }

    [Fact]
    public async Task Handler_Throws_IsLoggedAndKeepsReceivingWhileOthersAreUnaffected()
    {
        var pods = _factory.For<Pod>();
        var failing = new List<string>();
        using var called = new SemaphoreSlim(0);
        pods.AddEventHandler(new ResourceEventHandler<Pod>
        {
            Added = (p, _) =>
            {
                lock (failing)
                {
                    failing.Add(p.Metadata.Name);
                }

                called.Release();
                throw new InvalidOperationException("handler bug");
            },
        });
        var other = new RecordingHandler<Pod>();
        pods.AddEventHandler(other);
        _factory.Start();
        await pods.WaitForSyncAsync(CancellationToken.None).WaitAsync(Bound);

        _store.Create(NewPod("a"));
        _store.Create(NewPod("b"));
        _store.Create(NewPod("c"));

        Assert.Equal(["add a", "add b", "add c"], await other.NextAsync(3));
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await called.WaitAsync(Bound));
        }

        lock (failing)
        {
            Assert.Equal(["a", "b", "c"], failing);
        }

        // Each failure is logged before the next event is delivered: a's and b's are logged by now.
        Assert.True(_log.Collector.GetSnapshot().Count(r => r.Exception is InvalidOperationException) >= 2);
    }

    [Fact]
    public async Task For_SameKind_SharesOneCacheWithForKindAndStartsWhenAskedAfterStart()
    {
        _factory.Start();
        _store.Create(new Node { Metadata = new ObjectMeta { Name = "n1" } });
        var nodes = _factory.For<Node>();
        await _factory.WaitForCacheSyncAsync(CancellationToken.None).WaitAsync(Bound);

        Assert.Equal("n1", nodes.Get("n1")?.Metadata.Name);
        Assert.Same(nodes.Get("n1"), _factory.ForKind(Node.KindName).Get(new ObjectKey(Node.KindName, string.Empty, "n1")));
        Assert.Same(nodes.Get("n1"), _factory.For<Node>().Get("n1"));
    }

    [Fact]
    public async Task Start_AfterStop_KeepsHandlersAndTellsOnlyWhatChangedMeanwhile()
    {
        _store.Create(NewPod("a"));
        var b = _store.Create(NewPod("b"));
        var pods = _factory.For<Pod>();
        var handler = new RecordingHandler<Pod>();
        pods.AddEventHandler(handler);
        _factory.Start();
        await handler.NextAsync(2);
        await _factory.StopAsync();

        _store.Delete(b.Key);
        _store.Create(NewPod("c"));
        _factory.Start();

        Assert.Equal(["add c", "delete b"], await handler.NextAsync(2));
        Assert.Equal(["a", "c"], Names(pods.List()));
        _store.Create(NewPod("d"));
        Assert.Equal(["add d"], await handler.NextAsync(1)); // watching again
    }

    private static List<string> Names(IEnumerable<Resource> items) => items.Select(i => i.Metadata.Name).ToList();
}

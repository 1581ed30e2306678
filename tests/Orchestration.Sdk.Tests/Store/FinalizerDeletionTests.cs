using Orchestration.Sdk.Client;
using Orchestration.Sdk.Configuration;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Tests.Store;

/// <summary>Finalizers as kube-apiserver keeps them: a delete only marks the object, the last removal deletes it.</summary>
public sealed class FinalizerDeletionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(DeletionPropagation.Background)]
    [InlineData(DeletionPropagation.Orphan)]
    public void Delete_WithAUserFinalizer_MarksTheObjectAndKeepsIt(DeletionPropagation propagation)
    {
        var store = new ResourceStore();
        var held = store.Create(Held("held", "example.com/backup"));

        var marked = store.Delete(held.Key, propagation, null, Now);

        Assert.Equal(Now, marked.Metadata.DeletionTimestamp);
        Assert.Equal(["example.com/backup"], store.Get<ConfigMap>(held.Key)!.Metadata.Finalizers);
    }

    [Fact]
    public async Task RemovingTheLastFinalizer_OfATerminatingObject_DeletesIt()
    {
        var store = new ResourceStore();
        var held = store.Create(Held("held", "example.com/a", "example.com/b"));
        var marked = (ConfigMap)store.Delete(held.Key, DeletionPropagation.Background, null, Now);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var watch = store.Watch(ConfigMap.KindName, marked.Metadata.ResourceVersion, cts.Token).GetAsyncEnumerator(cts.Token);

        var one = store.Update(marked with { Metadata = marked.Metadata with { Finalizers = ["example.com/b"] } });
        var stillThere = store.Get<ConfigMap>(held.Key);
        store.Update(one with { Metadata = one.Metadata with { Finalizers = [] } });

        Assert.NotNull(stillThere);
        Assert.Null(store.Get<ConfigMap>(held.Key));
        Assert.True(await watch.MoveNextAsync());
        Assert.Equal(WatchEventType.Modified, watch.Current.Type);
        Assert.True(await watch.MoveNextAsync());
        Assert.Equal(WatchEventType.Deleted, watch.Current.Type);
    }

    [Fact]
    public void RemovingFinalizers_OfALiveObject_OnlyUpdatesIt()
    {
        var store = new ResourceStore();
        var held = store.Create(Held("live", "example.com/a"));

        store.Update(held with { Metadata = held.Metadata with { Finalizers = [] } });

        Assert.Empty(store.Get<ConfigMap>(held.Key)!.Metadata.Finalizers);
    }

    private static ConfigMap Held(string name, params string[] finalizers) => new()
    {
        Metadata = new ObjectMeta { Name = name, Finalizers = finalizers },
    };
}

using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;
using static Orchestration.Sdk.Tests.Informers.InformerFixtures;

namespace Orchestration.Sdk.Tests.Client;

public class ResourceClientTests
{
    private readonly ResourceStore _store = new(new FakeTimeProvider());
    private readonly ResourceClient _client;

    public ResourceClientTests() => _client = new ResourceClient(_store, TimeProvider.System);

    [Fact]
    public async Task UpdateAsync_StaleResourceVersion_IsConflictAndKeepsTheStoredObject()
    {
        var v1 = await _client.CreateAsync(NewPod("a"));
        var v2 = await _client.UpdateAsync(Relabel(v1, "api"));

        var ex = await Assert.ThrowsAsync<ConflictException>(() => _client.UpdateAsync(Relabel(v1, "lost")));

        Assert.Equal(v1.Key, ex.Key);
        var stored = await _client.GetAsync<Pod>(v1.Key);
        Assert.Equal("api", stored!.Metadata.Labels["app"]);
        Assert.Equal(v2.Metadata.ResourceVersion, stored.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task DeleteAsync_Precondition_RefusesAStaleVersionAndDeletesTheCurrentOne()
    {
        var v1 = await _client.CreateAsync(NewPod("a"));
        var v2 = await _client.UpdateAsync(Relabel(v1, "api"));

        await Assert.ThrowsAsync<ConflictException>(() => _client.DeleteAsync(v1.Key, v1.Metadata.ResourceVersion));
        Assert.NotNull(await _client.GetAsync<Pod>(v1.Key));

        var last = await _client.DeleteAsync(v1.Key, v2.Metadata.ResourceVersion);
        Assert.Equal("api", last.Metadata.Labels["app"]);
        Assert.Null(await _client.GetAsync<Pod>(v1.Key));
        await Assert.ThrowsAsync<NotFoundException>(() => _client.DeleteAsync(v1.Key));
    }

    [Fact]
    public async Task PatchAsync_ConcurrentWrite_ReappliesTheChangeToTheNewVersion()
    {
        var pod = await _client.CreateAsync(NewPod("a"));
        var calls = 0;

        var patched = await _client.PatchAsync<Pod>(pod.Key, p =>
        {
            if (++calls == 1)
            {
                _store.Update(p with { Metadata = p.Metadata with { Annotations = new Dictionary<string, string> { ["by"] = "other" } } });
            }

            return Relabel(p, "api");
        });

        Assert.Equal(2, calls);
        Assert.Equal("api", patched!.Metadata.Labels["app"]);
        Assert.Equal("other", patched.Metadata.Annotations["by"]);
    }

    [Fact]
    public async Task PatchAsync_NoChangeOrMissingObject_WritesNothing()
    {
        var pod = await _client.CreateAsync(NewPod("a"));
        var version = _store.Version;

        var same = await _client.PatchAsync<Pod>(pod.Key, p => p);
        var missing = await _client.PatchAsync<Pod>(new ObjectKey(Pod.KindName, "default", "nope"), p => Relabel(p, "x"));

        Assert.Equal(pod.Metadata.ResourceVersion, same!.Metadata.ResourceVersion);
        Assert.Null(missing);
        Assert.Equal(version, _store.Version);
    }

    [Fact]
    public async Task UpdateStatusAsync_SpecChanged_KeepsTheStoredSpec()
    {
        var pod = await _client.CreateAsync(NewPod("a"));

        var written = await _client.UpdateStatusAsync(pod with
        {
            Spec = pod.Spec with { NodeName = "n9" },
            Status = pod.Status with { Phase = PodPhase.Running },
        });

        Assert.Equal(PodPhase.Running, written.Status.Phase);
        Assert.Null(written.Spec.NodeName);
        Assert.Equal(pod.Metadata.Generation, written.Metadata.Generation);
    }

    [Fact]
    public async Task ListAsync_GenericAndByKind_ReturnTheItemsAndTheListVersion()
    {
        await _client.CreateAsync(NewPod("a"));
        await _client.CreateAsync(NewPod("b", app: "api", ns: "shop"));

        var all = await _client.ListAsync<Pod>();
        var shop = await _client.ListAsync(Pod.KindName, "shop");
        var web = await _client.ListAsync<Pod>(selector: LabelSelector.Of(new Dictionary<string, string> { ["app"] = "web" }));

        Assert.Equal(["a", "b"], all.Items.Select(p => p.Metadata.Name));
        Assert.Equal(_store.Version, all.ResourceVersion);
        Assert.Equal(["b"], shop.Items.Select(p => p.Metadata.Name));
        Assert.IsType<Pod>(shop.Items[0]);
        Assert.Equal(["a"], web.Items.Select(p => p.Metadata.Name));
    }

    [Fact]
    public async Task CreateAsync_OverResource_StoresAnyKind()
    {
        Resource node = new Node { Metadata = new ObjectMeta { Name = "n1" } };

        var stored = await _client.CreateAsync(node);

        Assert.IsType<Node>(stored);
        Assert.IsType<Node>(await _client.GetAsync<Resource>(new ObjectKey(Node.KindName, string.Empty, "n1")));
        await Assert.ThrowsAsync<AlreadyExistsException>(() => _client.CreateAsync(node));
    }

    [Fact]
    public async Task WatchAsync_FromAVersion_ReplaysTypedEventsAfterIt()
    {
        var a = await _client.CreateAsync(NewPod("a"));
        var list = await _client.ListAsync<Pod>();
        var b = await _client.CreateAsync(NewPod("b"));
        await _client.DeleteAsync(a.Key);
        using var cts = new CancellationTokenSource(Bound);

        var events = new List<WatchEvent<Pod>>();
        await foreach (var e in _client.WatchAsync<Pod>(list.ResourceVersion, cts.Token))
        {
            events.Add(e);
            if (events.Count == 2)
            {
                break;
            }
        }

        Assert.Equal([(WatchEventType.Added, "b"), (WatchEventType.Deleted, "a")], events.Select(e => (e.Type, e.Object!.Metadata.Name)));
        Assert.Equal(b.Metadata.ResourceVersion, events[0].ResourceVersion);
    }
}

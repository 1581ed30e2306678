using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Informers;

/// <summary>A typed view of a kind's <see cref="SharedInformer"/>: the same cache, handlers and indexes, cast to <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The kind's object type.</typeparam>
internal sealed class TypedInformer<T>(SharedInformer inner) : ISharedInformer<T>
    where T : Resource
{
    public string Kind => inner.Kind;

    public bool HasSynced => inner.HasSynced;

    public long LastResourceVersion => inner.LastResourceVersion;

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => inner.WaitForSyncAsync(cancellationToken);

    public IInformerRegistration AddEventHandler(IResourceEventHandler<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return inner.AddEventHandler(new Cast(handler));
    }

    /// <summary>Adds a handler delivered on the informer's thread under its lock: it must only hand the change on.</summary>
    internal IInformerRegistration AddInlineEventHandler(IResourceEventHandler<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return inner.AddEventHandler(new Cast(handler), inline: true);
    }

    public void AddIndex(string name, Func<T, IEnumerable<string>> index)
    {
        ArgumentNullException.ThrowIfNull(index);
        inner.AddIndex(name, o => index((T)o));
    }

    public T? Get(ObjectKey key) => (T?)inner.Get(key);

    public T? Get(string name, string? @namespace = null) => (T?)inner.Get(name, @namespace);

    public IReadOnlyList<T> List(string? @namespace = null, LabelSelector? selector = null) => Typed(inner.List(@namespace, selector));

    public IReadOnlyList<T> ByIndex(string indexName, string value) => Typed(inner.ByIndex(indexName, value));

    private static List<T> Typed(IReadOnlyList<Resource> items)
    {
        var typed = new List<T>(items.Count);
        foreach (var o in items)
        {
            typed.Add((T)o);
        }

        return typed;
    }

    private sealed class Cast(IResourceEventHandler<T> handler) : IResourceEventHandler<Resource>
    {
        public void OnAdd(Resource obj, bool isInInitialList) => handler.OnAdd((T)obj, isInInitialList);

        public void OnUpdate(Resource oldObj, Resource newObj) => handler.OnUpdate((T)oldObj, (T)newObj);

        public void OnDelete(Resource obj) => handler.OnDelete((T)obj);
    }
}

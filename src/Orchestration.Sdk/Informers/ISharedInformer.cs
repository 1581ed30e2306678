using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Informers;

/// <summary>
/// A shared informer for one kind, as client-go's: it lists the kind, then watches from the list's resourceVersion,
/// and lists again when the watch reports <see cref="Store.WatchEventType.Expired"/>. It keeps a local, indexed cache
/// and tells its event handlers, in order, what changed. One instance per kind is shared by every component through
/// <see cref="ISharedInformerFactory"/>. Reads of the cache never block on the store; they may lag it briefly.
/// </summary>
/// <typeparam name="T">The object type of the kind.</typeparam>
public interface ISharedInformer<T>
    where T : Resource
{
    /// <summary>The kind this informer follows.</summary>
    string Kind { get; }

    /// <summary>Whether the first list has been applied to the cache.</summary>
    bool HasSynced { get; }

    /// <summary>The resourceVersion of the last list or watch event applied to the cache; 0 before the first list.</summary>
    long LastResourceVersion { get; }

    /// <summary>Completes once the first list has been applied to the cache (<see cref="HasSynced"/>).</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task WaitForSyncAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Adds a handler. It is told, in order, of every change the cache applies from now on; a handler added after the
    /// first list first gets an add for every cached object. Each handler is called on its own queue, so a slow handler
    /// delays only itself; a handler that throws is logged and keeps receiving events.
    /// </summary>
    /// <param name="handler">The handler.</param>
    /// <returns>The registration: dispose it to remove the handler.</returns>
    IInformerRegistration AddEventHandler(IResourceEventHandler<T> handler);

    /// <summary>Adds an index. Objects already cached are indexed at once.</summary>
    /// <param name="name">The index name; the built-in ones are in <see cref="InformerIndexes"/>.</param>
    /// <param name="index">The values an object is filed under (none to leave it out).</param>
    /// <exception cref="ArgumentException">An index with this name exists.</exception>
    void AddIndex(string name, Func<T, IEnumerable<string>> index);

    /// <summary>The cached object, or null.</summary>
    /// <param name="key">The object's key.</param>
    T? Get(ObjectKey key);

    /// <summary>The cached object, or null.</summary>
    /// <param name="name">The name.</param>
    /// <param name="namespace">The namespace. <value>The default value is "default" (ignored for cluster-scoped kinds).</value></param>
    T? Get(string name, string? @namespace = null);

    /// <summary>The cached objects, ordered by namespace and name.</summary>
    /// <param name="namespace">Only this namespace. <value>The default value is null (all namespaces).</value></param>
    /// <param name="selector">Only objects whose labels match. <value>The default value is null (all).</value></param>
    IReadOnlyList<T> List(string? @namespace = null, LabelSelector? selector = null);

    /// <summary>The cached objects filed under <paramref name="value"/> in index <paramref name="indexName"/>, ordered by namespace and name.</summary>
    /// <param name="indexName">The index (<see cref="InformerIndexes"/> or one added with <see cref="AddIndex"/>).</param>
    /// <param name="value">The indexed value.</param>
    /// <exception cref="ArgumentException">No index has this name.</exception>
    IReadOnlyList<T> ByIndex(string indexName, string value);
}

using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Informers;

/// <summary>Receives the changes a shared informer applies to its cache, in order, as client-go's ResourceEventHandler.</summary>
/// <typeparam name="T">The object type.</typeparam>
public interface IResourceEventHandler<in T>
    where T : Resource
{
    /// <summary>An object appeared in the cache.</summary>
    /// <param name="obj">The object.</param>
    /// <param name="isInInitialList">Whether it came from the informer's first list (or the snapshot given to a late handler).</param>
    void OnAdd(T obj, bool isInInitialList);

    /// <summary>A cached object changed.</summary>
    /// <param name="oldObj">The object as cached before.</param>
    /// <param name="newObj">The object now.</param>
    void OnUpdate(T oldObj, T newObj);

    /// <summary>An object left the cache; <paramref name="obj"/> is its last known state.</summary>
    /// <param name="obj">The object.</param>
    void OnDelete(T obj);
}

using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Informers;

/// <summary>An event handler made of delegates, as client-go's ResourceEventHandlerFuncs; a missing delegate ignores its events.</summary>
/// <typeparam name="T">The object type.</typeparam>
public sealed class ResourceEventHandler<T> : IResourceEventHandler<T>
    where T : Resource
{
    /// <summary>Called for an added object. <value>The default value is null (ignored).</value></summary>
    public Action<T, bool>? Added { get; init; }

    /// <summary>Called with the old and the new object. <value>The default value is null (ignored).</value></summary>
    public Action<T, T>? Updated { get; init; }

    /// <summary>Called with the last known state of a deleted object. <value>The default value is null (ignored).</value></summary>
    public Action<T>? Deleted { get; init; }

    /// <summary>A handler that calls <paramref name="changed"/> with the object for every add, update (the new object) and delete.</summary>
    /// <param name="changed">The callback.</param>
    /// <returns>The handler.</returns>
    public static ResourceEventHandler<T> OnAny(Action<T> changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        return new() { Added = (o, _) => changed(o), Updated = (_, n) => changed(n), Deleted = changed };
    }

    /// <inheritdoc />
    public void OnAdd(T obj, bool isInInitialList) => Added?.Invoke(obj, isInInitialList);

    /// <inheritdoc />
    public void OnUpdate(T oldObj, T newObj) => Updated?.Invoke(oldObj, newObj);

    /// <inheritdoc />
    public void OnDelete(T obj) => Deleted?.Invoke(obj);
}

using System.Runtime.CompilerServices;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Client;

/// <summary>The in-process <see cref="IResourceClient"/>: every verb straight over the resource store.</summary>
internal sealed class ResourceClient(ResourceStore store, TimeProvider time) : IResourceClient
{
    private const int MaxPatchAttempts = 16;

    public Task<T?> GetAsync<T>(ObjectKey key, CancellationToken cancellationToken = default)
        where T : Resource
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(store.Get<T>(key));
    }

    public Task<ListResult<T>> ListAsync<T>(string? @namespace = null, LabelSelector? selector = null, CancellationToken cancellationToken = default)
        where T : Resource
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(store.List<T>(store.Kinds.Get<T>().Kind, @namespace, selector));
    }

    public Task<ListResult<Resource>> ListAsync(string kind, string? @namespace = null, LabelSelector? selector = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(store.List<Resource>(kind, @namespace, selector));
    }

    public Task<T> CreateAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : Resource
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(store.Create(obj));
    }

    public Task<T> UpdateAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : Resource
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(store.Update(obj));
    }

    public Task<T> UpdateStatusAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : Resource
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(store.UpdateStatus(obj));
    }

    public Task<T?> PatchAsync<T>(ObjectKey key, Func<T, T> change, bool status = false, CancellationToken cancellationToken = default)
        where T : Resource
    {
        ArgumentNullException.ThrowIfNull(change);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Patch(store, key, change, status));
    }

    public Task<Resource> DeleteAsync(ObjectKey key, long? resourceVersion = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(store.Delete(key, resourceVersion));
    }

    public Task<Resource> DeleteAsync(ObjectKey key, DeletionPropagation propagation, long? resourceVersion = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(store.Delete(key, propagation, resourceVersion, time.GetUtcNow()));
    }

    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(long? fromVersion = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : Resource
    {
        await foreach (var e in store.Watch(store.Kinds.Get<T>().Kind, fromVersion, cancellationToken).ConfigureAwait(false))
        {
            yield return new WatchEvent<T>(e.Type, (T?)e.Object, e.ResourceVersion, e.Message);
        }
    }

    public IAsyncEnumerable<WatchEvent> WatchAsync(string kind, long? fromVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        return store.Watch(kind, fromVersion, cancellationToken);
    }

    /// <summary>The read-modify-write loop, shared with the store's internal Mutate helper.</summary>
    internal static T? Patch<T>(ResourceStore store, ObjectKey key, Func<T, T> change, bool status)
        where T : Resource
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = store.Get<T>(key);
            if (current is null)
            {
                return null;
            }

            var next = change(current);
            if (ReferenceEquals(next, current))
            {
                return current;
            }

            try
            {
                return status ? store.UpdateStatus(next) : store.Update(next);
            }
            catch (ConflictException) when (attempt < MaxPatchAttempts)
            {
            }
            catch (NotFoundException)
            {
                return null;
            }
        }
    }
}

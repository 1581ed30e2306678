using Orchestration.Sdk.Client;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Store;

/// <summary>
/// The delete verb as kube-apiserver serves it, shared by the client and the garbage collector: a bound pod is deleted
/// gracefully, the propagation policy decides what happens to dependents (see <see cref="DeletionPropagation"/>).
/// </summary>
internal static class ResourceDeletion
{
    /// <summary>Deletes an object; returns its state after the call (terminating, or its last state when removed).</summary>
    /// <exception cref="NotFoundException">The object does not exist.</exception>
    /// <exception cref="ConflictException">The stored object is at another version than <paramref name="expectedVersion"/>.</exception>
    public static Resource Delete(this ResourceStore store, ObjectKey key, DeletionPropagation propagation, long? expectedVersion, DateTimeOffset now)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = store.Get<Resource>(key) ?? throw new NotFoundException(key, $"{store.Plural(key.Kind)} \"{key.Name}\" not found");
            if (expectedVersion is { } v && v != current.Metadata.ResourceVersion)
            {
                throw store.Conflict(current);
            }

            if (current.Metadata.DeletionTimestamp is not null)
            {
                return current; // already being deleted: Kubernetes answers with the object as it is
            }

            try
            {
                return DeleteOnce(store, current, propagation, now);
            }
            catch (ConflictException) when (expectedVersion is null && attempt < 16)
            {
            }
        }
    }

    /// <summary>The dependents of an owner in its namespace, over every kind the garbage collector looks after.</summary>
    public static IEnumerable<Resource> Dependents(this ResourceStore store, Resource owner) =>
        store.Kinds.All.Where(k => k.GarbageCollected).SelectMany(k => store.List<Resource>(k.Kind, owner.Metadata.Namespace,
            filter: r => r.Metadata.OwnerReferences.Any(o => o.Uid == owner.Metadata.Uid)).Items);

    /// <summary>Removes the owner reference to <paramref name="owner"/> from one dependent.</summary>
    public static void Orphan(this ResourceStore store, Resource dependent, Resource owner) =>
        store.Mutate<Resource>(dependent.Key, r => r.Metadata.OwnerReferences.Any(o => o.Uid == owner.Metadata.Uid)
            ? r.WithMetadata(r.Metadata with { OwnerReferences = [.. r.Metadata.OwnerReferences.Where(o => o.Uid != owner.Metadata.Uid)] })
            : r);

    private static Resource DeleteOnce(ResourceStore store, Resource current, DeletionPropagation propagation, DateTimeOffset now)
    {
        if (propagation == DeletionPropagation.Orphan)
        {
            foreach (var dependent in store.Dependents(current).ToList())
            {
                store.Orphan(dependent, current);
            }
        }

        if (current is Pod pod && pod.Spec.NodeName is not null)
        {
            store.DeletePod(pod, now);
            return store.Get<Resource>(current.Key) ?? current;
        }

        if (propagation == DeletionPropagation.Foreground)
        {
            // The garbage collector sees the deletion timestamp and the finalizer, deletes the dependents, then the owner.
            return store.Update(current.WithMetadata(current.Metadata with
            {
                DeletionTimestamp = now,
                Finalizers = current.Metadata.Finalizers.Contains(WellKnownFinalizers.ForegroundDeletion)
                    ? current.Metadata.Finalizers
                    : [.. current.Metadata.Finalizers, WellKnownFinalizers.ForegroundDeletion],
            }));
        }

        if (current.Metadata.Finalizers.Count > 0)
        {
            // Finalizers hold the object: it is terminating until their owners remove them (the last removal deletes it).
            return store.Update(current.WithMetadata(current.Metadata with { DeletionTimestamp = now }));
        }

        return store.Delete(current.Key, current.Metadata.ResourceVersion);
    }
}

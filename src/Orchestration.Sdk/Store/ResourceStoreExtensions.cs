using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Store;

/// <summary>Read-modify-write helpers shared by the controllers.</summary>
internal static class ResourceStoreExtensions
{
    /// <summary>
    /// Applies <paramref name="change"/> to the current object and writes it, re-reading and retrying on a conflict.
    /// Returns the stored object, or null when it no longer exists. When <paramref name="change"/> returns the same
    /// instance nothing is written.
    /// </summary>
    public static T? Mutate<T>(this ResourceStore store, ObjectKey key, Func<T, T> change, bool statusOnly = false)
        where T : Resource => Client.ResourceClient.Patch(store, key, change, statusOnly);

    /// <summary>
    /// Starts deleting a pod as Kubernetes does: an unscheduled pod goes at once; a bound pod is marked with a
    /// deletion timestamp and its node agent stops the containers (grace period) and then removes it. The decision is
    /// taken on the stored pod (the caller's copy may be stale: a pod bound meanwhile still gets its grace period), and
    /// only for the same pod (uid). Returns the resourceVersion of the write, or null when nothing was written.
    /// </summary>
    public static long? DeletePod(this ResourceStore store, Pod pod, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pod);
        for (var attempt = 1; attempt <= 16; attempt++)
        {
            var current = store.Get<Pod>(pod.Key);
            if (current is null || current.Metadata.Uid != pod.Metadata.Uid || current.Metadata.DeletionTimestamp is not null)
            {
                return null;
            }

            try
            {
                return current.Spec.NodeName is null
                    ? store.Delete(pod.Key, current.Metadata.ResourceVersion).Metadata.ResourceVersion
                    : store.Update(current with { Metadata = current.Metadata with { DeletionTimestamp = now } }).Metadata.ResourceVersion;
            }
            catch (ConflictException)
            {
            }
            catch (NotFoundException)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Whether a pod is being deleted.</summary>
    public static bool IsTerminating(this Pod pod) => pod.Metadata.DeletionTimestamp is not null;
}

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
    /// deletion timestamp and its node agent stops the containers (grace period) and then removes it.
    /// </summary>
    public static void DeletePod(this ResourceStore store, Pod pod, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pod);
        if (pod.Spec.NodeName is null)
        {
            try
            {
                store.Delete(pod.Key);
            }
            catch (NotFoundException)
            {
            }

            return;
        }

        store.Mutate<Pod>(pod.Key, p => p.Metadata.DeletionTimestamp is not null || p.Metadata.Uid != pod.Metadata.Uid
            ? p
            : p with { Metadata = p.Metadata with { DeletionTimestamp = now } });
    }

    /// <summary>Whether a pod is being deleted.</summary>
    public static bool IsTerminating(this Pod pod) => pod.Metadata.DeletionTimestamp is not null;
}

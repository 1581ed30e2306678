using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Store;

internal sealed partial class ResourceStore
{
    /// <summary>
    /// Binds a pod to a node in one write, as Kubernetes' pods/binding subresource: spec.nodeName is set and the
    /// PodScheduled condition with it, the generation grows (the spec changed) and one Modified event is published.
    /// Only the same pod (<paramref name="uid"/>), still unbound and not being deleted, is bound; otherwise nothing is
    /// written and the stored pod is returned as it is.
    /// </summary>
    /// <param name="key">The pod's key.</param>
    /// <param name="uid">The uid of the pod the scheduler decided for.</param>
    /// <param name="nodeName">The node.</param>
    /// <param name="scheduled">The PodScheduled condition to set (its transition time is kept when it already held).</param>
    /// <returns>The stored pod after the write, or null when there is no such pod.</returns>
    public Pod? Bind(ObjectKey key, string uid, string nodeName, Condition scheduled)
    {
        ArgumentException.ThrowIfNullOrEmpty(nodeName);
        ArgumentNullException.ThrowIfNull(scheduled);
        lock (_gate)
        {
            // The lookup goes by hash (the lock-free copy, exact under the lock); the sorted map is only written.
            if (!_byKind.TryGetValue(Pod.KindName, out var map) || !Current(Pod.KindName).TryGetValue((key.Namespace, key.Name), out var stored))
            {
                return null;
            }

            var current = Reveal((Pod)stored);
            if (current.Metadata.Uid != uid || current.Spec.NodeName is not null || current.Metadata.DeletionTimestamp is not null)
            {
                return current;
            }

            var conditions = current.Status.Conditions.Set(scheduled);
            var next = current with
            {
                Metadata = current.Metadata with { Generation = current.Metadata.Generation + 1, ResourceVersion = _version + 1 },
                Spec = current.Spec with { NodeName = nodeName },
                Status = ReferenceEquals(conditions, current.Status.Conditions) ? current.Status : current.Status with { Conditions = conditions },
            };
            _version++;
            Commit(map, (key.Namespace, key.Name), stored, Protect(next), WatchEventType.Modified);
            return next;
        }
    }
}

namespace Orchestration.Sdk.Runtime.InMemory;

/// <summary>
/// The containers or sandboxes of a node filed by their pod-uid label, so a node agent's per-pod list (a selector
/// that names the pod's uid) reads that pod's few entries instead of scanning the node. Used under the node's lock.
/// </summary>
/// <typeparam name="T">The entry type.</typeparam>
internal sealed class PodUidIndex<T>(Func<T, IReadOnlyDictionary<string, string>> labelsOf)
    where T : class
{
    private readonly Dictionary<string, List<T>> _byUid = new(StringComparer.Ordinal);

    public void Add(T entry)
    {
        if (labelsOf(entry).TryGetValue(RuntimeLabels.PodUid, out var uid))
        {
            if (!_byUid.TryGetValue(uid, out var list))
            {
                list = new List<T>(2);
                _byUid[uid] = list;
            }

            list.Add(entry);
        }
    }

    public void Remove(T entry)
    {
        if (labelsOf(entry).TryGetValue(RuntimeLabels.PodUid, out var uid) && _byUid.TryGetValue(uid, out var list))
        {
            list.Remove(entry);
            if (list.Count == 0)
            {
                _byUid.Remove(uid);
            }
        }
    }

    public void Clear() => _byUid.Clear();

    /// <summary>The entries that can match <paramref name="selector"/>: those of its pod uid when it names one, else <paramref name="all"/>.</summary>
    public IEnumerable<T> Candidates(IReadOnlyDictionary<string, string> selector, IEnumerable<T> all) =>
        !selector.TryGetValue(RuntimeLabels.PodUid, out var uid) ? all
        : _byUid.TryGetValue(uid, out var list) ? list
        : [];
}

using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Informers;

/// <summary>
/// The indexed local cache of one informer, as client-go's thread-safe store with its indexers. Not thread-safe on its
/// own: the informer calls it under its lock.
/// </summary>
internal sealed class InformerCache
{
    private readonly SortedDictionary<(string Ns, string Name), Resource> _items = new(KeyComparer.Instance);
    private readonly Dictionary<(string Ns, string Name), Resource> _byKey = [];
    private readonly Dictionary<string, Indexer> _indexers = new(StringComparer.Ordinal);

    // Per index, per value: the keys filed there, in key order. Membership changes rarely (a pod's status write keeps
    // its values), so a write re-files only the values that changed, and a lookup reads the keys in order without sorting.
    private readonly Dictionary<string, Dictionary<string, SortedSet<(string Ns, string Name)>>> _indices = new(StringComparer.Ordinal);

    public InformerCache()
    {
        AddIndex(InformerIndexes.Namespace, InformerIndexes.NamespaceOf, static (_, _) => true); // same key, same namespace
        AddIndex(InformerIndexes.Label, InformerIndexes.LabelsOf, static (a, b) => ReferenceEquals(a.Metadata.Labels, b.Metadata.Labels));
        AddIndex(InformerIndexes.Owner, InformerIndexes.OwnerOf, InformerIndexes.SameOwnerReferences);
        AddIndex(InformerIndexes.Node, InformerIndexes.NodeOf, static (a, b) => (a as Pod)?.Spec.NodeName == (b as Pod)?.Spec.NodeName);
    }

    public int Count => _items.Count;

    public IEnumerable<Resource> Items => _items.Values;

    /// <summary>
    /// Adds an index. <paramref name="unchanged"/>, when given, says cheaply (by reference, say) that two versions of
    /// one object have the same values, so an update that keeps them (most writes: status, version) re-files nothing
    /// and computes no values; when it returns false the values are computed and compared.
    /// </summary>
    public void AddIndex(string name, Func<Resource, IEnumerable<string>> index, Func<Resource, Resource, bool>? unchanged = null)
    {
        if (!_indexers.TryAdd(name, new Indexer(index, unchanged)))
        {
            throw new ArgumentException($"index \"{name}\" already exists", nameof(name));
        }

        var values = new Dictionary<string, SortedSet<(string, string)>>(StringComparer.Ordinal);
        _indices[name] = values;
        foreach (var (key, obj) in _items)
        {
            foreach (var value in index(obj))
            {
                File(values, value, key);
            }
        }
    }

    public Resource? Get(string ns, string name) => _byKey.GetValueOrDefault((ns, name));

    /// <summary>Stores <paramref name="obj"/>, re-indexing it; returns what was cached before.</summary>
    public Resource? Put(Resource obj)
    {
        var key = (obj.Metadata.Namespace, obj.Metadata.Name);
        var old = _byKey.GetValueOrDefault(key);
        _items[key] = obj;
        _byKey[key] = obj;
        foreach (var (name, (index, unchanged)) in _indexers)
        {
            if (old is not null && unchanged is not null && unchanged(old, obj))
            {
                continue;
            }

            var values = _indices[name];
            if (old is null)
            {
                foreach (var value in index(obj))
                {
                    File(values, value, key);
                }

                continue;
            }

            var before = index(old) as IReadOnlyCollection<string> ?? [.. index(old)];
            var after = index(obj) as IReadOnlyCollection<string> ?? [.. index(obj)];
            foreach (var value in before)
            {
                if (!after.Contains(value))
                {
                    Unfile(values, value, key);
                }
            }

            foreach (var value in after)
            {
                if (!before.Contains(value))
                {
                    File(values, value, key);
                }
            }
        }

        return old;
    }

    /// <summary>Removes an object; returns what was cached.</summary>
    public Resource? Remove(string ns, string name)
    {
        var key = (ns, name);
        if (!_items.Remove(key, out var old))
        {
            return null;
        }

        _byKey.Remove(key);
        foreach (var (indexName, (index, _)) in _indexers)
        {
            var values = _indices[indexName];
            foreach (var value in index(old))
            {
                Unfile(values, value, key);
            }
        }

        return old;
    }

    public List<Resource> ByIndex(string indexName, string value)
    {
        if (!_indices.TryGetValue(indexName, out var values))
        {
            throw new ArgumentException($"index \"{indexName}\" does not exist", nameof(indexName));
        }

        if (!values.TryGetValue(value, out var keys))
        {
            return [];
        }

        var found = new List<Resource>(keys.Count);
        foreach (var key in keys)
        {
            found.Add(_byKey[key]);
        }

        return found;
    }

    private static void File(Dictionary<string, SortedSet<(string, string)>> values, string value, (string, string) key)
    {
        if (!values.TryGetValue(value, out var keys))
        {
            keys = new SortedSet<(string, string)>(KeyComparer.Instance);
            values[value] = keys;
        }

        keys.Add(key);
    }

    private static void Unfile(Dictionary<string, SortedSet<(string, string)>> values, string value, (string, string) key)
    {
        if (values.TryGetValue(value, out var keys) && keys.Remove(key) && keys.Count == 0)
        {
            values.Remove(value);
        }
    }

    private readonly record struct Indexer(Func<Resource, IEnumerable<string>> Values, Func<Resource, Resource, bool>? Unchanged);

    private sealed class KeyComparer : IComparer<(string Ns, string Name)>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare((string Ns, string Name) x, (string Ns, string Name) y)
        {
            var c = string.CompareOrdinal(x.Ns, y.Ns);
            return c != 0 ? c : string.CompareOrdinal(x.Name, y.Name);
        }
    }
}

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
    private readonly Dictionary<string, Func<Resource, IEnumerable<string>>> _indexers = new(StringComparer.Ordinal);

    // Per index, per value: the keys filed there, in key order. Membership changes rarely (a pod's status write keeps
    // its values), so a write re-files only the values that changed, and a lookup reads the keys in order without sorting.
    private readonly Dictionary<string, Dictionary<string, SortedSet<(string Ns, string Name)>>> _indices = new(StringComparer.Ordinal);

    public InformerCache()
    {
        AddIndex(InformerIndexes.Namespace, InformerIndexes.NamespaceOf);
        AddIndex(InformerIndexes.Label, InformerIndexes.LabelsOf);
        AddIndex(InformerIndexes.Owner, InformerIndexes.OwnerOf);
        AddIndex(InformerIndexes.Node, InformerIndexes.NodeOf);
    }

    public int Count => _items.Count;

    public IEnumerable<Resource> Items => _items.Values;

    public void AddIndex(string name, Func<Resource, IEnumerable<string>> index)
    {
        if (!_indexers.TryAdd(name, index))
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
        foreach (var (name, index) in _indexers)
        {
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
        foreach (var (indexName, index) in _indexers)
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

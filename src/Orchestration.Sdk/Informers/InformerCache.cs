using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Informers;

/// <summary>
/// The indexed local cache of one informer, as client-go's thread-safe store with its indexers. Not thread-safe on its
/// own: the informer calls it under its lock.
/// </summary>
internal sealed class InformerCache
{
    private readonly SortedDictionary<(string Ns, string Name), Resource> _items = new(KeyComparer.Instance);
    private readonly Dictionary<string, Func<Resource, IEnumerable<string>>> _indexers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, HashSet<(string Ns, string Name)>>> _indices = new(StringComparer.Ordinal);

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

        var values = new Dictionary<string, HashSet<(string, string)>>(StringComparer.Ordinal);
        _indices[name] = values;
        foreach (var (key, obj) in _items)
        {
            File(values, index, key, obj);
        }
    }

    public Resource? Get(string ns, string name) => _items.GetValueOrDefault((ns, name));

    /// <summary>Stores <paramref name="obj"/>, re-indexing it; returns what was cached before.</summary>
    public Resource? Put(Resource obj)
    {
        var key = (obj.Metadata.Namespace, obj.Metadata.Name);
        var old = _items.GetValueOrDefault(key);
        if (old is not null)
        {
            Unindex(key, old);
        }

        _items[key] = obj;
        foreach (var (name, index) in _indexers)
        {
            File(_indices[name], index, key, obj);
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

        Unindex(key, old);
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

        var found = new List<(string Ns, string Name)>(keys);
        found.Sort(KeyComparer.Instance);
        return found.ConvertAll(k => _items[k]);
    }

    private void Unindex((string, string) key, Resource old)
    {
        foreach (var (name, index) in _indexers)
        {
            var values = _indices[name];
            foreach (var value in index(old))
            {
                if (values.TryGetValue(value, out var keys) && keys.Remove(key) && keys.Count == 0)
                {
                    values.Remove(value);
                }
            }
        }
    }

    private static void File(Dictionary<string, HashSet<(string, string)>> values, Func<Resource, IEnumerable<string>> index, (string, string) key, Resource obj)
    {
        foreach (var value in index(obj))
        {
            if (!values.TryGetValue(value, out var keys))
            {
                keys = [];
                values[value] = keys;
            }

            keys.Add(key);
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

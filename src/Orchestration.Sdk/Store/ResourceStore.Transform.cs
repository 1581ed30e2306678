using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Store;

internal sealed partial class ResourceStore
{
    private readonly Dictionary<string, IStoredObjectTransformer> _transformers = new(StringComparer.Ordinal);

    /// <summary>Keeps objects of the transformer's kind in its stored form from now on. Call before the first write.</summary>
    public void UseTransformer(IStoredObjectTransformer transformer)
    {
        ArgumentNullException.ThrowIfNull(transformer);
        lock (_gate)
        {
            _transformers[transformer.Kind] = transformer;
        }
    }

    /// <summary>Uses every transformer given; returns this store.</summary>
    public ResourceStore WithTransformers(IEnumerable<IStoredObjectTransformer> transformers)
    {
        ArgumentNullException.ThrowIfNull(transformers);
        foreach (var t in transformers)
        {
            UseTransformer(t);
        }

        return this;
    }

    /// <summary>Every object exactly as kept (encrypted kinds stay encrypted), for snapshots and tests.</summary>
    public IReadOnlyList<Resource> RawSnapshot()
    {
        lock (_gate)
        {
            return [.. _byKind.Values.SelectMany(m => m.Values)];
        }
    }

    private Resource Protect(Resource plain) =>
        _transformers.Count > 0 && _transformers.TryGetValue(plain.Kind, out var t) ? t.ToStored(plain) : plain;

    private T Reveal<T>(T stored)
        where T : Resource =>
        _transformers.Count > 0 && _transformers.TryGetValue(stored.Kind, out var t) ? (T)t.FromStored(stored) : stored;

    private WatchEvent Reveal(WatchEvent e) =>
        e.Object is { } obj && _transformers.Count > 0 && _transformers.ContainsKey(obj.Kind) ? e with { Object = Reveal(obj) } : e;
}

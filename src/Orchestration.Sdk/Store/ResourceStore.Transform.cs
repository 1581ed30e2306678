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

    /// <summary>
    /// Checks that every object kept in a transformed (encrypted) form can be read back, so a store loaded from disk
    /// with the wrong key fails the start before any component runs (and before any container is touched).
    /// </summary>
    /// <exception cref="OrchestrationException">An object cannot be read back; the message names it and the store file.</exception>
    public void VerifyReadable()
    {
        List<Resource> stored;
        lock (_gate)
        {
            stored = [.. _byKind.Where(k => _transformers.ContainsKey(k.Key)).SelectMany(k => k.Value.Values)];
        }

        foreach (var obj in stored)
        {
            try
            {
                _ = _transformers[obj.Kind].FromStored(obj);
            }
            catch (OrchestrationException ex)
            {
                var where = _options.PersistencePath is { } path ? $"the store {Path.GetFullPath(path)}" : "the store";
                throw new OrchestrationException(
                    $"cannot start: {where} holds a {obj.Kind} the configured encryption keys cannot read ({ex.Message}). "
                    + "Nothing was started and no container was touched: configure the key that wrote it (SecretEncryptionOptions.Keys, "
                    + "or restore the key file beside the store), see docs/reliability.md.",
                    ex);
            }
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

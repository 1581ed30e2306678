using Microsoft.Extensions.Options;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Secrets;

/// <summary>
/// The keys of <see cref="SecretEncryptionOptions"/>; when none are configured, the key kept in a file beside a
/// persistent store (created on first start, owner-only), or one random key per process for an in-memory store.
/// </summary>
internal sealed class DefaultSecretKeyProvider : ISecretKeyProvider
{
    /// <summary>The process' random key; never leaves memory.</summary>
    private static readonly Lazy<SecretEncryptionKey> ProcessKey = new(() => SecretEncryptionKey.CreateRandom("default"));

    private readonly IReadOnlyList<SecretEncryptionKey> _keys;

    public DefaultSecretKeyProvider(IOptions<SecretEncryptionOptions> options, IOptions<StoreOptions>? store = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var keys = options.Value.Keys;
        if (keys.Count > 0)
        {
            _keys = [.. keys];
        }
        else if (store?.Value.PersistencePath is { } path)
        {
            _keys = [StoreKeyFile.LoadOrCreate(StoreKeyFile.PathFor(path))];
        }
        else
        {
            _keys = [ProcessKey.Value];
        }
    }

    public IReadOnlyList<SecretEncryptionKey> GetKeys() => _keys;
}

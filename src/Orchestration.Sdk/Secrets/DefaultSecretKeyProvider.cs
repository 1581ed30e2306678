using Microsoft.Extensions.Options;

namespace Orchestration.Sdk.Secrets;

/// <summary>The keys of <see cref="SecretEncryptionOptions"/>, or one random key per process when none are configured.</summary>
internal sealed class DefaultSecretKeyProvider : ISecretKeyProvider
{
    /// <summary>The process' random key; never leaves memory.</summary>
    private static readonly Lazy<SecretEncryptionKey> ProcessKey = new(() => SecretEncryptionKey.CreateRandom("default"));

    private readonly IReadOnlyList<SecretEncryptionKey> _keys;

    public DefaultSecretKeyProvider(IOptions<SecretEncryptionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var keys = options.Value.Keys;
        _keys = keys.Count > 0 ? [.. keys] : [ProcessKey.Value];
    }

    public IReadOnlyList<SecretEncryptionKey> GetKeys() => _keys;
}

namespace Orchestration.Sdk.Secrets;

/// <summary>Options of the default <see cref="ISecretKeyProvider"/>.</summary>
public sealed class SecretEncryptionOptions
{
    /// <summary>
    /// The keys, the encrypting one first; every key listed can decrypt. To rotate: put the new key first, keep the old
    /// one after it, write every Secret again, then remove the old key.
    /// <value>The default value is empty: with a persistent store (<c>StoreOptions.PersistencePath</c>), the key named
    /// "local" kept in <c>&lt;store file&gt;.key</c> beside it (created owner-only, 0600, on first start; back it up with the
    /// store); otherwise one random in-memory key per process, named "default".</value>
    /// </summary>
    public IList<SecretEncryptionKey> Keys { get; } = [];
}

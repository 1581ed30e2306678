namespace Orchestration.Sdk.Secrets;

/// <summary>
/// Supplies the keys that encrypt Secrets at rest. As Kubernetes' EncryptionConfiguration: the first key encrypts every
/// write; any listed key decrypts what it encrypted, so a rotation adds the new key first and keeps the old one until
/// every Secret has been written again. Register your own (a vault, a KMS) as a singleton before
/// <c>AddOrchestration</c>; the default uses <see cref="SecretEncryptionOptions.Keys"/>, or, when that is empty, the
/// key file created beside a persistent store (<c>&lt;store file&gt;.key</c>, 0600), or one random key per process for
/// an in-memory store.
/// </summary>
public interface ISecretKeyProvider
{
    /// <summary>The keys, the encrypting one first; never empty.</summary>
    /// <returns>The keys.</returns>
    IReadOnlyList<SecretEncryptionKey> GetKeys();
}

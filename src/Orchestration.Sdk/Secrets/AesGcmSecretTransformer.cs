using System.Security.Cryptography;
using System.Text;
using Orchestration.Sdk.Configuration;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Secrets;

/// <summary>
/// Encrypts each value of a Secret for the store with AES-256-GCM, as Kubernetes' <c>aesgcm</c> provider: the envelope
/// is <c>k8s:enc:aesgcm:v1:&lt;key name&gt;:</c>, a random 12-byte nonce, the ciphertext and the 16-byte tag. The
/// value's location (<c>secrets/&lt;namespace&gt;/&lt;name&gt;/&lt;key&gt;</c>) is authenticated data, so a value copied
/// to another Secret or key does not decrypt. Encrypts with the provider's first key; decrypts with the key named in
/// the envelope.
/// </summary>
internal sealed class AesGcmSecretTransformer(ISecretKeyProvider keys) : IStoredObjectTransformer
{
    internal const string PrefixBase = "k8s:enc:aesgcm:v1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public string Kind => Secret.KindName;

    public Resource ToStored(Resource plain)
    {
        var secret = (Secret)plain;
        if (secret.Data.Values.All(v => v.IsEncrypted))
        {
            return secret;
        }

        var key = WriteKey();
        var data = new Dictionary<string, SecretValue>(secret.Data.Count, StringComparer.Ordinal);
        foreach (var (name, value) in secret.Data)
        {
            data[name] = value.IsEncrypted ? value : SecretValue.Encrypted(Encrypt(key, value.Span, Aad(secret, name)));
        }

        return secret with { Data = data };
    }

    public Resource FromStored(Resource stored)
    {
        var secret = (Secret)stored;
        if (!secret.Data.Values.Any(v => v.IsEncrypted))
        {
            return secret;
        }

        var all = keys.GetKeys();
        var data = new Dictionary<string, SecretValue>(secret.Data.Count, StringComparer.Ordinal);
        foreach (var (name, value) in secret.Data)
        {
            data[name] = value.IsEncrypted ? SecretValue.FromBytes(Decrypt(all, secret, name, value.Span)) : value;
        }

        return secret with { Data = data };
    }

    private SecretEncryptionKey WriteKey()
    {
        var all = keys.GetKeys();
        return all.Count > 0 ? all[0] : throw new OrchestrationException("the secret key provider returned no keys; at least one is needed to encrypt Secrets");
    }

    private static byte[] Encrypt(SecretEncryptionKey key, ReadOnlySpan<byte> plain, byte[] aad)
    {
        var prefix = Encoding.ASCII.GetBytes(PrefixBase + key.Name + ":");
        var envelope = new byte[prefix.Length + NonceSize + plain.Length + TagSize];
        prefix.CopyTo(envelope, 0);
        var nonce = envelope.AsSpan(prefix.Length, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key.Key, TagSize);
        aes.Encrypt(nonce, plain, envelope.AsSpan(prefix.Length + NonceSize, plain.Length), envelope.AsSpan(envelope.Length - TagSize), aad);
        return envelope;
    }

    private static byte[] Decrypt(IReadOnlyList<SecretEncryptionKey> all, Secret secret, string name, ReadOnlySpan<byte> envelope)
    {
        foreach (var key in all)
        {
            var prefix = Encoding.ASCII.GetBytes(PrefixBase + key.Name + ":");
            if (!envelope.StartsWith(prefix))
            {
                continue;
            }

            var body = envelope[prefix.Length..];
            if (body.Length < NonceSize + TagSize)
            {
                break;
            }

            var plain = new byte[body.Length - NonceSize - TagSize];
            try
            {
                using var aes = new AesGcm(key.Key, TagSize);
                aes.Decrypt(body[..NonceSize], body[NonceSize..^TagSize], body[^TagSize..], plain, Aad(secret, name));
                return plain;
            }
            catch (AuthenticationTagMismatchException ex)
            {
                throw new OrchestrationException($"secret {secret.Metadata.Namespace}/{secret.Metadata.Name}: key {name} failed to decrypt with encryption key \"{key.Name}\" (wrong key or altered data)", ex);
            }
        }

        throw new OrchestrationException($"secret {secret.Metadata.Namespace}/{secret.Metadata.Name}: no configured encryption key can decrypt key {name} (it was encrypted with key \"{KeyNameOf(envelope)}\")");
    }

    private static string KeyNameOf(ReadOnlySpan<byte> envelope)
    {
        var prefix = Encoding.ASCII.GetBytes(PrefixBase);
        if (!envelope.StartsWith(prefix))
        {
            return "?";
        }

        var rest = envelope[prefix.Length..];
        var end = rest.IndexOf((byte)':');
        return end < 0 ? "?" : Encoding.ASCII.GetString(rest[..end]);
    }

    private static byte[] Aad(Secret secret, string key) =>
        Encoding.UTF8.GetBytes($"secrets/{secret.Metadata.Namespace}/{secret.Metadata.Name}/{key}");
}

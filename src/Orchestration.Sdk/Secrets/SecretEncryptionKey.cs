using System.Globalization;

namespace Orchestration.Sdk.Secrets;

/// <summary>
/// A named 256-bit AES key for encrypting Secrets at rest, as one entry of Kubernetes' EncryptionConfiguration
/// (<c>aesgcm.keys[]</c>). The name goes into every value it encrypts (<c>k8s:enc:aesgcm:v1:&lt;name&gt;:</c>) so that
/// the right key decrypts it after a rotation. Printing a key shows its name only.
/// </summary>
public sealed class SecretEncryptionKey
{
    /// <summary>The key size AES-256 needs, in bytes.</summary>
    public const int KeySizeInBytes = 32;

    private readonly byte[] _key;

    /// <summary>Creates a key.</summary>
    /// <param name="name">The key's name: not empty, without ':'.</param>
    /// <param name="key">The key material, exactly 32 bytes (copied).</param>
    /// <exception cref="ArgumentException">The name is empty or contains ':', or the key is not 32 bytes.</exception>
    public SecretEncryptionKey(string name, ReadOnlySpan<byte> key)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("an encryption key name must be non-empty and must not contain ':'", nameof(name));
        }

        if (key.Length != KeySizeInBytes)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"encryption key \"{name}\" must be {KeySizeInBytes} bytes for AES-256, was {key.Length}"),
                nameof(key));
        }

        Name = name;
        _key = key.ToArray();
    }

    /// <summary>The key's name.</summary>
    public string Name { get; }

    /// <summary>The key material.</summary>
    internal ReadOnlySpan<byte> Key => _key;

    /// <summary>Creates a key from base64 text (the <c>secret</c> field of Kubernetes' EncryptionConfiguration).</summary>
    /// <param name="name">The key's name.</param>
    /// <param name="base64Key">32 bytes, base64-encoded (for example from <c>head -c 32 /dev/urandom | base64</c>).</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException">The text is not base64 of 32 bytes.</exception>
    public static SecretEncryptionKey FromBase64(string name, string base64Key)
    {
        ArgumentNullException.ThrowIfNull(base64Key);
        var bytes = new byte[KeySizeInBytes + 3];
        return Convert.TryFromBase64String(base64Key, bytes, out var written) && written == KeySizeInBytes
            ? new SecretEncryptionKey(name, bytes.AsSpan(0, written))
            : throw new ArgumentException($"encryption key \"{name}\" must be the base64 encoding of {KeySizeInBytes} bytes", nameof(base64Key));
    }

    /// <summary>Creates a key of random bytes.</summary>
    /// <param name="name">The key's name.</param>
    /// <returns>The key.</returns>
    public static SecretEncryptionKey CreateRandom(string name) =>
        new(name, System.Security.Cryptography.RandomNumberGenerator.GetBytes(KeySizeInBytes));

    /// <summary>The key's name, never its material.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"SecretEncryptionKey {{ Name = {Name} }}";
}

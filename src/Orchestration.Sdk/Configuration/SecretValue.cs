using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace Orchestration.Sdk.Configuration;

/// <summary>
/// One value of a <see cref="Secret"/>: bytes that never print. <see cref="ToString"/> returns <c>[REDACTED]</c>, and
/// JSON serialization writes <c>"[REDACTED]"</c> (or, for the encrypted form the store keeps, the ciphertext envelope),
/// so a value cannot leak through logs, exceptions, status or a serialized object. Read it explicitly with
/// <see cref="GetString"/> or <see cref="GetBytes"/>.
/// </summary>
[JsonConverter(typeof(SecretValueJsonConverter))]
public sealed class SecretValue : IEquatable<SecretValue>
{
    /// <summary>What every secret value prints as.</summary>
    public const string Redacted = "[REDACTED]";

    private readonly byte[] _bytes;

    private SecretValue(byte[] bytes, bool encrypted)
    {
        _bytes = bytes;
        IsEncrypted = encrypted;
    }

    /// <summary>The number of bytes of the value.</summary>
    public int Length => _bytes.Length;

    /// <summary>Whether this is the store's encrypted envelope rather than the value itself.</summary>
    internal bool IsEncrypted { get; }

    /// <summary>The bytes, without a copy; callers must not change them.</summary>
    internal ReadOnlySpan<byte> Span => _bytes;

    /// <summary>A value from text, stored as its UTF-8 bytes.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The secret value.</returns>
    public static SecretValue FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new SecretValue(Encoding.UTF8.GetBytes(value), encrypted: false);
    }

    /// <summary>A value from bytes (copied).</summary>
    /// <param name="value">The bytes.</param>
    /// <returns>The secret value.</returns>
    public static SecretValue FromBytes(ReadOnlySpan<byte> value) => new(value.ToArray(), encrypted: false);

    /// <summary>Wraps an encryption envelope (the store's at-rest form).</summary>
    internal static SecretValue Encrypted(byte[] envelope) => new(envelope, encrypted: true);

    /// <summary>Reads the value as UTF-8 text. Only call this where the value is needed; never log the result.</summary>
    /// <returns>The text.</returns>
    /// <exception cref="InvalidOperationException">The value is still encrypted (it was read from the raw store).</exception>
    public string GetString() => Encoding.UTF8.GetString(Plain());

    /// <summary>Reads the value as bytes (a copy). Never log the result.</summary>
    /// <returns>The bytes.</returns>
    /// <exception cref="InvalidOperationException">The value is still encrypted (it was read from the raw store).</exception>
    public byte[] GetBytes() => Plain().ToArray();

    /// <summary>Always <c>[REDACTED]</c>.</summary>
    /// <returns><c>[REDACTED]</c>.</returns>
    public override string ToString() => Redacted;

    /// <summary>Compares the bytes in constant time.</summary>
    /// <param name="other">The other value.</param>
    /// <returns>Whether both hold the same bytes in the same form.</returns>
    public bool Equals(SecretValue? other) =>
        other is not null && IsEncrypted == other.IsEncrypted && CryptographicOperations.FixedTimeEquals(_bytes, other._bytes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SecretValue);

    /// <summary>A hash of the length only, so that hashes reveal nothing of the value.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => _bytes.Length;

    private ReadOnlySpan<byte> Plain() =>
        IsEncrypted ? throw new InvalidOperationException("the secret value is encrypted; read the Secret through the store or client to get it decrypted") : _bytes;
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestration.Sdk.Configuration;

/// <summary>
/// Writes a plain <see cref="SecretValue"/> as <c>"[REDACTED]"</c> and the store's encrypted form as the base64 of its
/// envelope; reads a base64 string (Kubernetes' <c>data</c> encoding) as a plain value, or as the encrypted form when it
/// holds an encryption envelope (a persisted store file), so a saved store reads back still encrypted.
/// </summary>
internal sealed class SecretValueJsonConverter : JsonConverter<SecretValue>
{
    private static readonly byte[] EnvelopePrefix = "k8s:enc:"u8.ToArray();

    public override SecretValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var bytes = reader.GetBytesFromBase64();
        return bytes.AsSpan().StartsWith(EnvelopePrefix) ? SecretValue.Encrypted(bytes) : SecretValue.FromBytes(bytes);
    }

    public override void Write(Utf8JsonWriter writer, SecretValue value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (value.IsEncrypted)
        {
            writer.WriteBase64StringValue(value.Span);
        }
        else
        {
            writer.WriteStringValue(SecretValue.Redacted);
        }
    }
}

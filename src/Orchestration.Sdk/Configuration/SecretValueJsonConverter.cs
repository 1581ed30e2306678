using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestration.Sdk.Configuration;

/// <summary>
/// Writes a plain <see cref="SecretValue"/> as <c>"[REDACTED]"</c> and the store's encrypted form as the base64 of its
/// envelope; reads a base64 string (Kubernetes' <c>data</c> encoding) as a plain value.
/// </summary>
internal sealed class SecretValueJsonConverter : JsonConverter<SecretValue>
{
    public override SecretValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        SecretValue.FromBytes(reader.GetBytesFromBase64());

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

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestration.Sdk.Model;

/// <summary>Reads and writes a <see cref="Quantity"/> as its Kubernetes string.</summary>
internal sealed class QuantityJsonConverter : JsonConverter<Quantity>
{
    public override Quantity Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Quantity.Parse(reader.GetString() ?? string.Empty);

    public override void Write(Utf8JsonWriter writer, Quantity value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}

using System.Text.Json.Nodes;

namespace Orchestration.Sdk.Kubernetes.Wire;

/// <summary>
/// Reads Kubernetes' protobuf encoding (<c>application/vnd.kubernetes.protobuf</c>: the <c>k8s\0</c> magic, then a
/// runtime.Unknown holding the type and the object's bytes) into the object's JSON, by the field table of
/// <see cref="ProtobufSchema"/>. Written here because no package serves Kubernetes' protobuf messages for .NET; it
/// reads only, since every response is JSON (which kubectl accepts).
/// </summary>
internal static class ProtobufWire
{
    private static readonly byte[] Magic = [0x6b, 0x38, 0x73, 0x00];
    private static readonly Dictionary<string, Dictionary<int, Field>> Messages = Parse(ProtobufSchema.Text);

    /// <summary>The object's JSON; throws <see cref="FormatException"/> for bytes it cannot read or a kind it does not know.</summary>
    public static string ToJson(ReadOnlySpan<byte> body)
    {
        if (body.Length < Magic.Length || !body[..Magic.Length].SequenceEqual(Magic))
        {
            throw new FormatException("the protobuf body does not start with the Kubernetes magic number");
        }

        var unknown = Read(body[Magic.Length..]);
        var typeMeta = unknown.TryGetValue(1, out var t) ? Read(t.Bytes) : [];
        var apiVersion = typeMeta.TryGetValue(1, out var av) ? System.Text.Encoding.UTF8.GetString(av.Bytes) : string.Empty;
        var kind = typeMeta.TryGetValue(2, out var k) ? System.Text.Encoding.UTF8.GetString(k.Bytes) : string.Empty;
        if (!Messages.ContainsKey(kind))
        {
            throw new FormatException($"the protobuf encoding of {apiVersion} {kind} is not served; send JSON");
        }

        var json = Decode(unknown.TryGetValue(2, out var raw) ? raw.Bytes : [], kind);
        json["apiVersion"] = apiVersion;
        json["kind"] = kind;
        return json.ToJsonString();
    }

    private static JsonObject Decode(ReadOnlySpan<byte> bytes, string message)
    {
        var obj = new JsonObject();
        DecodeInto(obj, bytes, message);
        return obj;
    }

    private static void DecodeInto(JsonObject obj, ReadOnlySpan<byte> bytes, string message)
    {
        var fields = Messages[message];
        var reader = new ProtoReader(bytes);
        while (reader.Next(out var number, out var value))
        {
            if (!fields.TryGetValue(number, out var field))
            {
                continue;
            }

            if (field.Type.StartsWith('^'))
            {
                DecodeInto(obj, value.Bytes, field.Type[1..]);
                continue;
            }

            // Kubernetes' protobuf writes every plain string, empty ones too; in JSON an empty string is omitted
            // (omitempty), and the API's defaults (a port's protocol TCP) apply to what is omitted.
            if (field.Type == "s" && !field.Repeated && value.Bytes.Length == 0)
            {
                continue;
            }

            var element = Element(field, value);
            if (field.Repeated)
            {
                if (obj[field.Name] is not JsonArray array)
                {
                    obj[field.Name] = array = [];
                }

                array.Add(element);
            }
            else if (field.Type is "m" or "ym" or "qm")
            {
                if (obj[field.Name] is not JsonObject map)
                {
                    obj[field.Name] = map = [];
                }

                var entry = Read(value.Bytes);
                var key = entry.TryGetValue(1, out var kv) ? System.Text.Encoding.UTF8.GetString(kv.Bytes) : string.Empty;
                var v = entry.TryGetValue(2, out var vv) ? vv : new ProtoValue(0, []);
                map[key] = field.Type switch
                {
                    "ym" => Convert.ToBase64String(v.Bytes),
                    "qm" => Read(v.Bytes).TryGetValue(1, out var q) ? System.Text.Encoding.UTF8.GetString(q.Bytes) : "0",
                    _ => System.Text.Encoding.UTF8.GetString(v.Bytes),
                };
            }
            else
            {
                obj[field.Name] = element;
            }
        }
    }

    private static JsonNode? Element(Field field, ProtoValue value) => field.Type switch
    {
        "s" => System.Text.Encoding.UTF8.GetString(value.Bytes),
        "i" => JsonValue.Create((long)value.Varint),
        "b" => JsonValue.Create(value.Varint != 0),
        "y" => Convert.ToBase64String(value.Bytes),
        "io" => IntOrString(value.Bytes),
        "m" or "ym" or "qm" => null,
        _ => Decode(value.Bytes, field.Type),
    };

    private static JsonNode? IntOrString(ReadOnlySpan<byte> bytes)
    {
        var f = Read(bytes);
        var isString = f.TryGetValue(1, out var type) && type.Varint == 1;
        return isString
            ? f.TryGetValue(3, out var s) ? System.Text.Encoding.UTF8.GetString(s.Bytes) : string.Empty
            : JsonValue.Create(f.TryGetValue(2, out var i) ? (int)(long)i.Varint : 0);
    }

    private static Dictionary<int, ProtoValue> Read(ReadOnlySpan<byte> bytes)
    {
        var result = new Dictionary<int, ProtoValue>();
        var reader = new ProtoReader(bytes);
        while (reader.Next(out var number, out var value))
        {
            result[number] = value;
        }

        return result;
    }

    private static Dictionary<string, Dictionary<int, Field>> Parse(string text)
    {
        var messages = new Dictionary<string, Dictionary<int, Field>>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var fields = new Dictionary<int, Field>();
            foreach (var spec in line[(colon + 1)..].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = spec.Split(' ', 2);
                var nameType = parts[1].Split(':', 2);
                var type = nameType.Length > 1 ? nameType[1] : "s";
                var repeated = type.StartsWith('[');
                fields[int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture)] = new Field(nameType[0], repeated ? type[1..^1] : type, repeated);
            }

            messages[line[..colon]] = fields;
        }

        return messages;
    }

    private sealed record Field(string Name, string Type, bool Repeated);
}

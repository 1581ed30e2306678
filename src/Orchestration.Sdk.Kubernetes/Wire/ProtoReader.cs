namespace Orchestration.Sdk.Kubernetes.Wire;

/// <summary>One field's value: a varint, or the bytes of a length-delimited field.</summary>
/// <param name="Varint">The number, for varint and fixed fields.</param>
/// <param name="Bytes">The bytes, for length-delimited fields; empty otherwise.</param>
internal readonly record struct ProtoValue(ulong Varint, byte[] Bytes);

/// <summary>Reads protobuf's wire format field by field (varint, 64-bit, length-delimited, 32-bit).</summary>
internal ref struct ProtoReader(ReadOnlySpan<byte> bytes)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _at;

    public bool Next(out int number, out ProtoValue value)
    {
        value = default;
        number = 0;
        if (_at >= _bytes.Length)
        {
            return false;
        }

        var tag = Varint();
        number = (int)(tag >> 3);
        switch (tag & 7)
        {
            case 0:
                value = new ProtoValue(Varint(), []);
                break;
            case 1:
                value = new ProtoValue(BitConverter.ToUInt64(Take(8)), []);
                break;
            case 2:
                var length = (int)Varint();
                value = new ProtoValue(0, Take(length).ToArray());
                break;
            case 5:
                value = new ProtoValue(BitConverter.ToUInt32(Take(4)), []);
                break;
            default:
                throw new FormatException($"unsupported protobuf wire type {tag & 7}");
        }

        return true;
    }

    private ulong Varint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_at >= _bytes.Length)
            {
                throw new FormatException("truncated protobuf varint");
            }

            var b = _bytes[_at++];
            result |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new FormatException("protobuf varint too long");
    }

    private ReadOnlySpan<byte> Take(int length)
    {
        if (length < 0 || _at + length > _bytes.Length)
        {
            throw new FormatException("truncated protobuf field");
        }

        var slice = _bytes.Slice(_at, length);
        _at += length;
        return slice;
    }
}

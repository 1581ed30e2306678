using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestration.Sdk.Model;

/// <summary>A count ("1") or a percentage ("25%") of a replica count, as Kubernetes' IntOrString in rolling-update bounds.</summary>
[JsonConverter(typeof(IntOrPercentJsonConverter))]
public readonly record struct IntOrPercent
{
    private IntOrPercent(int value, bool isPercent)
    {
        Value = value;
        IsPercent = isPercent;
    }

    /// <summary>The number: a count, or a percentage when <see cref="IsPercent"/>.</summary>
    public int Value { get; }

    /// <summary>Whether <see cref="Value"/> is a percentage.</summary>
    public bool IsPercent { get; }

    /// <summary>A count.</summary>
    /// <param name="count">The count.</param>
    public static IntOrPercent FromCount(int count) => new(count, false);

    /// <summary>A percentage.</summary>
    /// <param name="percent">The percentage.</param>
    public static IntOrPercent FromPercent(int percent) => new(percent, true);

    /// <summary>Parses "3" or "25%"; throws <see cref="FormatException"/> quoting the text otherwise.</summary>
    /// <param name="text">The text.</param>
    public static IntOrPercent Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var percent = text.EndsWith('%');
        return int.TryParse(percent ? text[..^1] : text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
            ? new IntOrPercent(v, percent)
            : throw new FormatException($"invalid value \"{text}\": must be an integer or a percentage (e.g. '25%')");
    }

    /// <summary>A count.</summary>
    /// <param name="count">The count.</param>
    public static implicit operator IntOrPercent(int count) => FromCount(count);

    /// <summary>Parses "3" or "25%".</summary>
    /// <param name="text">The text.</param>
    public static implicit operator IntOrPercent(string text) => Parse(text);

    /// <summary>Resolves against a total: percentages round up or down as asked (Kubernetes rounds surge up, unavailable down).</summary>
    /// <param name="total">The replica count.</param>
    /// <param name="roundUp">Round a percentage up rather than down.</param>
    public int Resolve(int total, bool roundUp)
    {
        if (!IsPercent)
        {
            return Value;
        }

        var exact = total * (double)Value / 100.0;
        return (int)(roundUp ? Math.Ceiling(exact) : Math.Floor(exact));
    }

    /// <inheritdoc />
    public override string ToString() => IsPercent ? $"{Value.ToString(CultureInfo.InvariantCulture)}%" : Value.ToString(CultureInfo.InvariantCulture);

    internal sealed class IntOrPercentJsonConverter : JsonConverter<IntOrPercent> // internal: the source-generated ModelJsonContext instantiates it
    {
        public override IntOrPercent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Number ? FromCount(reader.GetInt32()) : Parse(reader.GetString() ?? string.Empty);

        public override void Write(Utf8JsonWriter writer, IntOrPercent value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }
}

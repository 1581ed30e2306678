using System.Globalization;
using System.Text.Json.Serialization;

namespace Orchestration.Sdk.Model;

/// <summary>
/// A resource amount written as Kubernetes writes it: <c>"250m"</c> (milli-units), <c>"1.5"</c>,
/// <c>"256Mi"</c> (binary suffixes Ki, Mi, Gi, Ti, Pi, Ei), <c>"1G"</c> (decimal suffixes k, M, G, T, P, E)
/// or <c>"1e3"</c>. <see cref="ToString"/> prints the canonical form, as Kubernetes does ("1.5" prints "1500m").
/// </summary>
[JsonConverter(typeof(QuantityJsonConverter))]
public readonly struct Quantity : IEquatable<Quantity>, IComparable<Quantity>
{
    private const decimal Nano = 0.000000001m;

    private Quantity(decimal value, QuantityFormat format)
    {
        Value = RoundUpToNano(value);
        Format = format;
    }

    /// <summary>The zero quantity.</summary>
    public static Quantity Zero { get; } = new(0, QuantityFormat.DecimalSI);

    /// <summary>The amount in base units (cores for CPU, bytes for memory), with nano precision.</summary>
    public decimal Value { get; }

    /// <summary>The suffix family the quantity was written in; decides how it prints.</summary>
    public QuantityFormat Format { get; }

    /// <summary>The amount in thousandths of a base unit, rounded up (so "1n" of CPU is 1 milli-core).</summary>
    public long MilliValue => (long)decimal.Ceiling(Value * 1000m);

    /// <summary>The amount in whole base units, rounded up.</summary>
    public long IntegerValue => (long)decimal.Ceiling(Value);

    /// <summary>Parses a quantity; throws <see cref="FormatException"/> quoting the input when it is invalid.</summary>
    /// <param name="text">The quantity text, for example "500m" or "512Mi".</param>
    public static Quantity Parse(string text) =>
        QuantityParser.TryParse(text, out var q, out var reason) ? q : throw new FormatException(QuantityParser.Describe(text, reason));

    /// <summary>Tries to parse a quantity.</summary>
    /// <param name="text">The quantity text.</param>
    /// <param name="quantity">The parsed quantity, or zero.</param>
    /// <returns>Whether the text is a valid quantity.</returns>
    public static bool TryParse(string? text, out Quantity quantity) => QuantityParser.TryParse(text, out quantity, out _);

    /// <summary>A quantity of CPU given in milli-cores, printed in the decimal form ("250m").</summary>
    /// <param name="milliCores">Milli-cores.</param>
    public static Quantity FromMilli(long milliCores) => new(milliCores / 1000m, QuantityFormat.DecimalSI);

    /// <summary>A quantity of whole units in the decimal form ("4").</summary>
    /// <param name="value">Base units.</param>
    public static Quantity FromDecimal(decimal value) => new(value, QuantityFormat.DecimalSI);

    /// <summary>A quantity of bytes printed with binary suffixes ("512Mi").</summary>
    /// <param name="bytes">Bytes.</param>
    public static Quantity FromBytes(long bytes) => new(bytes, QuantityFormat.BinarySI);

    internal static Quantity Create(decimal value, QuantityFormat format) => new(value, format);

    /// <summary>
    /// Adds two quantities; the result keeps the left operand's format, or the right one's when the left is zero
    /// (as Kubernetes' Quantity.Add, so summing from <see cref="Zero"/> keeps "Mi" memory binary).
    /// </summary>
    public static Quantity operator +(Quantity left, Quantity right) =>
        new(left.Value + right.Value, left.Value == 0m ? right.Format : left.Format);

    /// <summary>Subtracts two quantities; the result keeps the left operand's format, or the right one's when the left is zero.</summary>
    public static Quantity operator -(Quantity left, Quantity right) =>
        new(left.Value - right.Value, left.Value == 0m ? right.Format : left.Format);

    /// <summary>Negates a quantity, keeping its format.</summary>
    public static Quantity operator -(Quantity value) => new(-value.Value, value.Format);

    /// <summary>Compares amounts.</summary>
    public static bool operator <(Quantity left, Quantity right) => left.Value < right.Value;

    /// <summary>Compares amounts.</summary>
    public static bool operator >(Quantity left, Quantity right) => left.Value > right.Value;

    /// <summary>Compares amounts.</summary>
    public static bool operator <=(Quantity left, Quantity right) => left.Value <= right.Value;

    /// <summary>Compares amounts.</summary>
    public static bool operator >=(Quantity left, Quantity right) => left.Value >= right.Value;

    /// <summary>Equal amounts are equal quantities, whatever their format ("1Gi" equals "1073741824").</summary>
    public static bool operator ==(Quantity left, Quantity right) => left.Equals(right);

    /// <summary>Unequal amounts.</summary>
    public static bool operator !=(Quantity left, Quantity right) => !left.Equals(right);

    /// <summary>Parses a quantity string.</summary>
    /// <param name="text">The quantity text.</param>
    public static implicit operator Quantity(string text) => Parse(text);

    /// <inheritdoc />
    public bool Equals(Quantity other) => Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Quantity q && Equals(q);

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Quantity other) => Value.CompareTo(other.Value);

    /// <summary>The canonical Kubernetes text of the quantity.</summary>
    public override string ToString() => QuantityFormatter.Format(Value, Format);

    internal static string Invariant(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    // Kubernetes keeps nano precision and rounds anything finer away from zero ("0.1n" is "1n"), so that
    // asking for a tiny amount still gets some. Dividing by 1.000… strips trailing zeros from the scale.
    private static decimal RoundUpToNano(decimal value)
    {
        var truncated = decimal.Round(value, 9, MidpointRounding.ToZero);
        if (truncated != value)
        {
            truncated += value > 0m ? Nano : -Nano;
        }

        return truncated / 1.0000000000000000000000000000m;
    }
}

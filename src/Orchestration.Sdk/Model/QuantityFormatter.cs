namespace Orchestration.Sdk.Model;

/// <summary>
/// Prints a quantity in Kubernetes' canonical form (resource.Quantity.CanonicalizeBytes): no precision lost, no
/// fractional digits, the largest suffix possible; binary amounts below 1024 or with a fraction print as decimal.
/// </summary>
internal static class QuantityFormatter
{
    private static readonly string[] BinarySuffixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

    public static string Format(decimal value, QuantityFormat format)
    {
        if (value == 0m)
        {
            return "0";
        }

        if (format == QuantityFormat.BinarySI && decimal.Truncate(value) == value && Math.Abs(value) >= 1024m)
        {
            var exponent = 0;
            var mantissa = value;
            while (exponent < BinarySuffixes.Length - 1 && mantissa % 1024m == 0m)
            {
                mantissa /= 1024m;
                exponent++;
            }

            return Integer(mantissa) + BinarySuffixes[exponent];
        }

        // Decimal: the largest power-of-1000 exponent that leaves an integer mantissa (values have nano precision).
        var e = 18;
        decimal m;
        while (true)
        {
            m = Scale(value, -e);
            if (decimal.Truncate(m) == m || e == -9)
            {
                break;
            }

            e -= 3;
        }

        var digits = Integer(m);
        if (format == QuantityFormat.DecimalExponent)
        {
            return e == 0 ? digits : digits + "e" + e.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return digits + DecimalSuffix(e);
    }

    // Truncate also drops the decimal's scale, so 1.000000000 prints "1".
    private static string Integer(decimal integral) => Quantity.Invariant(decimal.Truncate(integral));

    private static decimal Scale(decimal value, int exponent)
    {
        var result = value;
        for (var i = 0; i < Math.Abs(exponent); i++)
        {
            result = exponent > 0 ? result * 10m : result / 10m;
        }

        return result;
    }

    private static string DecimalSuffix(int exponent) => exponent switch
    {
        -9 => "n",
        -6 => "u",
        -3 => "m",
        0 => "",
        3 => "k",
        6 => "M",
        9 => "G",
        12 => "T",
        15 => "P",
        _ => "E",
    };
}

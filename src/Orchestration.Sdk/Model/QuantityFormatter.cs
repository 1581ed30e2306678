namespace Orchestration.Sdk.Model;

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

            if (exponent > 0)
            {
                return Quantity.Invariant(mantissa) + BinarySuffixes[exponent];
            }
        }

        // Decimal: the largest power-of-1000 exponent that leaves an integer mantissa.
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

        m = decimal.Ceiling(m);
        var digits = Quantity.Invariant(m);
        if (format == QuantityFormat.DecimalExponent)
        {
            return e == 0 ? digits : digits + "e" + e;
        }

        return digits + DecimalSuffix(e);
    }

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

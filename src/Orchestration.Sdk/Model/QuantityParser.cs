using System.Globalization;
using System.Text.RegularExpressions;

namespace Orchestration.Sdk.Model;

internal static partial class QuantityParser
{
    internal const string Rule = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

    [GeneratedRegex(@"^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Grammar();

    public static bool TryParse(string? text, out Quantity quantity, out string error)
    {
        quantity = Quantity.Zero;
        error = $"invalid quantity \"{text}\": {Rule}";
        if (string.IsNullOrEmpty(text))
        {
            error = "invalid quantity \"\": quantities must not be empty";
            return false;
        }

        var match = Grammar().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var number = match.Groups[1].Value;
        var suffix = match.Groups[2].Value;
        if (number.Count(c => c == '.') > 1 || number.TrimStart('+', '-') == "." ||
            !decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var mantissa))
        {
            return false;
        }

        if (!TryScale(suffix, out var multiplier, out var format))
        {
            error = $"invalid quantity \"{text}\": unknown suffix \"{suffix}\"; use one of n, u, m, k, M, G, T, P, E, Ki, Mi, Gi, Ti, Pi, Ei or an exponent";
            return false;
        }

        try
        {
            quantity = Quantity.Create(mantissa * multiplier, format);
            return true;
        }
        catch (OverflowException)
        {
            error = $"invalid quantity \"{text}\": the value is too large";
            return false;
        }
    }

    private static bool TryScale(string suffix, out decimal multiplier, out QuantityFormat format)
    {
        format = QuantityFormat.DecimalSI;
        multiplier = suffix switch
        {
            "" => 1m,
            "n" => 0.000000001m,
            "u" => 0.000001m,
            "m" => 0.001m,
            "k" => 1e3m,
            "M" => 1e6m,
            "G" => 1e9m,
            "T" => 1e12m,
            "P" => 1e15m,
            "E" => 1e18m,
            _ => 0m,
        };
        if (multiplier != 0m)
        {
            return true;
        }

        format = QuantityFormat.BinarySI;
        multiplier = suffix switch
        {
            "Ki" => 1024m,
            "Mi" => 1024m * 1024,
            "Gi" => 1024m * 1024 * 1024,
            "Ti" => 1024m * 1024 * 1024 * 1024,
            "Pi" => 1024m * 1024 * 1024 * 1024 * 1024,
            "Ei" => 1024m * 1024 * 1024 * 1024 * 1024 * 1024,
            _ => 0m,
        };
        if (multiplier != 0m)
        {
            return true;
        }

        format = QuantityFormat.DecimalExponent;
        if (suffix.Length >= 2 && (suffix[0] == 'e' || suffix[0] == 'E') &&
            int.TryParse(suffix.AsSpan(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent) &&
            exponent is >= -9 and <= 18)
        {
            multiplier = 1m;
            for (var i = 0; i < Math.Abs(exponent); i++)
            {
                multiplier = exponent > 0 ? multiplier * 10m : multiplier / 10m;
            }

            return true;
        }

        return false;
    }
}

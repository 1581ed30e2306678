using System.Globalization;
using System.Text.RegularExpressions;

namespace Orchestration.Sdk.Model;

/// <summary>Parses quantities with Kubernetes' grammar, errors and rounding (resource.ParseQuantity).</summary>
internal static partial class QuantityParser
{
    /// <summary>Kubernetes' ErrFormatWrong text.</summary>
    internal const string FormatRule = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

    /// <summary>Kubernetes' ErrSuffix text.</summary>
    internal const string SuffixRule = "unable to parse quantity's suffix";

    /// <summary>Kubernetes' ErrNumeric text.</summary>
    internal const string NumericRule = "unable to parse numeric part of quantity";

    // \z rather than $: .NET's $ also matches before a trailing newline, Go's does not.
    [GeneratedRegex(@"^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)\z", RegexOptions.CultureInvariant)]
    private static partial Regex Grammar();

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="reason"/> holds Kubernetes' reason, without the input.</summary>
    public static bool TryParse(string? text, out Quantity quantity, out string reason)
    {
        quantity = Quantity.Zero;
        reason = FormatRule;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var match = Grammar().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var number = match.Groups[1].Value;
        var suffix = match.Groups[2].Value;
        if (number.Count(c => c == '.') > 1)
        {
            // "1.2.3": Kubernetes' scanner stops at the second dot and rejects the rest as a malformed suffix.
            return false;
        }

        if (number.TrimStart('+', '-') == "." ||
            !decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var mantissa))
        {
            reason = NumericRule;
            return false;
        }

        if (!TryApplySuffix(mantissa, suffix, out var value, out var format, out reason))
        {
            return false;
        }

        // A positive binary amount below one is printed in the decimal form, as Kubernetes does.
        if (format == QuantityFormat.BinarySI && value > 0m && value < 1m)
        {
            format = QuantityFormat.DecimalSI;
        }

        quantity = Quantity.Create(value, format);
        return true;
    }

    /// <summary>The message <see cref="Quantity.Parse"/> gives: Kubernetes' reason, quoting the input.</summary>
    public static string Describe(string? text, string reason) => $"invalid quantity \"{text}\": {reason}";

    private static bool TryApplySuffix(decimal mantissa, string suffix, out decimal value, out QuantityFormat format, out string reason)
    {
        reason = SuffixRule;
        value = 0m;
        if (TryDecimalExponent(suffix, out var exponent))
        {
            format = QuantityFormat.DecimalSI;
        }
        else if (TryBinaryExponent(suffix, out var power))
        {
            format = QuantityFormat.BinarySI;
            return TryMultiply(mantissa, power, 1024m, out value, out reason);
        }
        else if (suffix.Length > 1 && suffix[0] is 'e' or 'E' &&
                 int.TryParse(suffix.AsSpan(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
        {
            format = QuantityFormat.DecimalExponent;
        }
        else
        {
            format = QuantityFormat.DecimalSI;
            return false;
        }

        if (exponent >= 0)
        {
            return TryMultiply(mantissa, exponent, 10m, out value, out reason);
        }

        // Divide; once the amount is below a nano-unit it rounds up to 1n anyway (Kubernetes rounds away from zero).
        value = mantissa;
        for (var i = 0; i < -exponent && value != 0m && Math.Abs(value) >= 0.000000001m; i++)
        {
            value /= 10m;
        }

        if (Math.Abs(value) < 0.000000001m && value != 0m)
        {
            value = Math.Sign(value) * 0.000000001m;
        }

        return true;
    }

    private static bool TryMultiply(decimal mantissa, int times, decimal factor, out decimal value, out string reason)
    {
        reason = string.Empty;
        value = mantissa;
        try
        {
            for (var i = 0; i < times && value != 0m; i++)
            {
                value *= factor;
            }

            return true;
        }
        catch (OverflowException)
        {
            reason = NumericRule;
            return false;
        }
    }

    private static bool TryDecimalExponent(string suffix, out int exponent)
    {
        exponent = suffix switch
        {
            "n" => -9,
            "u" => -6,
            "m" => -3,
            "" => 0,
            "k" => 3,
            "M" => 6,
            "G" => 9,
            "T" => 12,
            "P" => 15,
            "E" => 18,
            _ => int.MinValue,
        };
        return exponent != int.MinValue;
    }

    private static bool TryBinaryExponent(string suffix, out int power)
    {
        power = suffix switch
        {
            "Ki" => 1,
            "Mi" => 2,
            "Gi" => 3,
            "Ti" => 4,
            "Pi" => 5,
            "Ei" => 6,
            _ => 0,
        };
        return power != 0;
    }
}

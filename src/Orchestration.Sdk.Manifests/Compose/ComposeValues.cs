using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Orchestration.Sdk.Manifests.Compose;

/// <summary>Compose's value formats: durations (<c>1m30s</c>), byte sizes (<c>512m</c>), CPUs (<c>0.5</c>), shell words, and <c>$$</c> escapes.</summary>
internal static partial class ComposeValues
{
    /// <summary>A Compose duration (<c>10s</c>, <c>1m30s</c>, <c>1h</c>, <c>500ms</c>) in whole seconds, or null when it is not one or not whole seconds.</summary>
    public static int? Seconds(string text)
    {
        var match = DurationPattern().Match(text);
        if (!match.Success || text.Length == 0)
        {
            return null;
        }

        var total = TimeSpan.Zero;
        foreach (Capture part in match.Groups["part"].Captures)
        {
            var unit = UnitPattern().Match(part.Value);
            var amount = double.Parse(unit.Groups[1].Value, CultureInfo.InvariantCulture);
            total += unit.Groups[2].Value switch
            {
                "h" => TimeSpan.FromHours(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "ms" => TimeSpan.FromMilliseconds(amount),
                "us" or "µs" => TimeSpan.FromMicroseconds(amount),
                _ => TimeSpan.FromTicks((long)(amount / 100)),
            };
        }

        return total.Ticks % TimeSpan.TicksPerSecond == 0 && total.TotalSeconds <= int.MaxValue ? (int)total.TotalSeconds : null;
    }

    /// <summary>A Compose byte size (<c>512m</c>, <c>1gb</c>, <c>300k</c>, <c>1024</c>; units are powers of 1024) as a Kubernetes quantity (<c>512Mi</c>).</summary>
    public static string? Memory(string text)
    {
        var match = BytesPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var suffix = match.Groups[2].Value.ToLowerInvariant().TrimEnd('b') switch
        {
            "" => string.Empty,
            "k" => "Ki",
            "m" => "Mi",
            "g" => "Gi",
            _ => null,
        };
        return suffix is null ? null : match.Groups[1].Value + suffix;
    }

    /// <summary>Compose CPUs (<c>0.5</c>, <c>2</c>) as a Kubernetes quantity in millicores (<c>500m</c>), or null when it is not a positive number of whole millicores.</summary>
    public static string? Cpus(string text)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var cpus) || cpus <= 0)
        {
            return null;
        }

        var milli = cpus * 1000;
        return Math.Abs(milli - Math.Round(milli)) < 1e-9 ? $"{(long)Math.Round(milli)}m" : null;
    }

    /// <summary>Splits a command line into words as a POSIX shell does (single and double quotes, backslash escapes), or null when a quote is not closed.</summary>
    public static List<string>? ShellWords(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote == '\'')
            {
                if (c == '\'') { quote = null; } else { word.Append(c); }
            }
            else if (c == '\\' && i + 1 < line.Length && (quote is null || line[i + 1] is '"' or '\\' or '$'))
            {
                word.Append(line[++i]);
                inWord = true;
            }
            else if (quote == '"')
            {
                if (c == '"') { quote = null; } else { word.Append(c); }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (quote is not null)
        {
            return null;
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    /// <summary>Undoes Compose's <c>$$</c> escape; false when the text uses variable interpolation, which the SDK does not do.</summary>
    public static bool Literal(string text, out string literal)
    {
        var escaped = text.Replace("$$", "\0", StringComparison.Ordinal);
        literal = escaped.Replace('\0', '$');
        return !InterpolationPattern().IsMatch(escaped);
    }

    /// <summary>A Compose name as a Kubernetes object name: lower case, '_' as '-'; null when it is still not a DNS-1123 label.</summary>
    public static string? ObjectName(string name)
    {
        var converted = name.Replace('_', '-').ToLowerInvariant();
        return converted.Length <= 63 && LabelPattern().IsMatch(converted) ? converted : null;
    }

    [GeneratedRegex(@"^(?<part>[0-9]+(\.[0-9]+)?(h|ms|m|s|us|µs|ns))+$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?)(h|ms|m|s|us|µs|ns)$")]
    private static partial Regex UnitPattern();

    [GeneratedRegex(@"^([0-9]+)\s*([a-zA-Z]*)$")]
    private static partial Regex BytesPattern();

    [GeneratedRegex(@"\$(\{|[A-Za-z_])")]
    private static partial Regex InterpolationPattern();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex LabelPattern();
}

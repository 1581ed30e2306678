using System.Globalization;

namespace Orchestration.Sdk.Benchmarks;

/// <summary>The options after the subcommand name, as <c>--name value</c> pairs and <c>--flag</c> switches.</summary>
internal sealed class BenchmarkArguments
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.OrdinalIgnoreCase);

    public BenchmarkArguments(IEnumerable<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? pending = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (pending is not null)
                {
                    _values[pending] = null;
                }

                pending = arg[2..];
            }
            else if (pending is not null)
            {
                _values[pending] = arg;
                pending = null;
            }
            else
            {
                throw new ArgumentException($"unexpected argument \"{arg}\"; options are --name value");
            }
        }

        if (pending is not null)
        {
            _values[pending] = null;
        }
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public string? String(string name, string? defaultValue = null) => _values.TryGetValue(name, out var v) && v is not null ? v : defaultValue;

    public int Int(string name, int defaultValue)
    {
        var text = String(name);
        if (text is null)
        {
            return defaultValue;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"--{name} must be an integer, was \"{text}\"");
    }
}

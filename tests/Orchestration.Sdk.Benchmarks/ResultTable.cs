namespace Orchestration.Sdk.Benchmarks;

/// <summary>Prints a two-column table of measured values.</summary>
internal sealed class ResultTable
{
    private readonly List<(string Name, string Value)> _rows = [];

    public ResultTable Add(string name, string value)
    {
        _rows.Add((name, value));
        return this;
    }

    public void Print(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var nameWidth = Math.Max(6, _rows.Max(r => r.Name.Length));
        var valueWidth = Math.Max(5, _rows.Max(r => r.Value.Length));
        var rule = $"+-{new string('-', nameWidth)}-+-{new string('-', valueWidth)}-+";
        writer.WriteLine(rule);
        writer.WriteLine($"| {"metric".PadRight(nameWidth)} | {"value".PadLeft(valueWidth)} |");
        writer.WriteLine(rule);
        foreach (var (name, value) in _rows)
        {
            writer.WriteLine($"| {name.PadRight(nameWidth)} | {value.PadLeft(valueWidth)} |");
        }

        writer.WriteLine(rule);
    }
}

using System.Globalization;

namespace Orchestration.Sdk.Testing.Chaos;

/// <summary>What a chaos run injected and found.</summary>
/// <param name="Seed">The seed that replays the same fault sequence.</param>
/// <param name="FaultsByKind">How many faults of each kind were injected.</param>
/// <param name="Checks">How many invariant checks were made.</param>
/// <param name="Violations">Each broken invariant, with when and what was seen; empty when none.</param>
/// <param name="SimulatedTime">The simulated time the run took, faults and convergence.</param>
public sealed record ChaosReport(int Seed, IReadOnlyDictionary<string, int> FaultsByKind, int Checks, IReadOnlyList<string> Violations, TimeSpan SimulatedTime)
{
    /// <summary>Prints the table of faults by kind, the checks, each violation, and last a line <c>violations: N</c>.</summary>
    /// <param name="writer">Where to print.</param>
    public void Print(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var width = Math.Max(20, FaultsByKind.Keys.DefaultIfEmpty(string.Empty).Max(k => k.Length));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"chaos run, seed {Seed}, {SimulatedTime.TotalMinutes:0.#} simulated minutes"));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {"fault".PadRight(width)} | count |"));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {new string('-', width)} | ----: |"));
        foreach (var (kind, count) in FaultsByKind.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {kind.PadRight(width)} | {count,5} |"));
        }

        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {"invariant checks".PadRight(width)} | {Checks,5} |"));
        foreach (var violation in Violations)
        {
            writer.WriteLine("violation: " + violation);
        }

        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"violations: {Violations.Count}"));
    }
}

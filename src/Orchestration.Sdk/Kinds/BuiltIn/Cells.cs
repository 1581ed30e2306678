using System.Globalization;

namespace Orchestration.Sdk.Kinds.BuiltIn;

/// <summary>Cell texts as Kubernetes' printers write them.</summary>
internal static class Cells
{
    public const string None = "<none>";

    public const string Unknown = "<unknown>";

    public static string Ratio(int have, int want) =>
        string.Create(CultureInfo.InvariantCulture, $"{have}/{want}");

    /// <summary>Up to <paramref name="max"/> items joined by commas, then " + N more...", as printers.go does.</summary>
    public static string Joined(IReadOnlyList<string> items, int max = 3)
    {
        if (items.Count == 0)
        {
            return None;
        }

        var shown = string.Join(',', items.Take(max));
        return items.Count > max ? string.Create(CultureInfo.InvariantCulture, $"{shown} + {items.Count - max} more...") : shown;
    }
}

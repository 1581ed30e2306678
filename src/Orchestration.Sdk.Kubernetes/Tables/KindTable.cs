using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Kubernetes.Tables;

/// <summary>The columns of one kind's Table and how to fill a row from an object at a moment.</summary>
/// <param name="Columns">The column definitions.</param>
/// <param name="Cells">The cells of an object's row, in column order.</param>
internal sealed record KindTable(IReadOnlyList<TableColumn> Columns, Func<Resource, DateTimeOffset, object?[]> Cells)
{
    /// <summary>kubectl's placeholder for an empty cell.</summary>
    public const string None = "<none>";

    public static TableColumn Name { get; } = new("Name", Format: "name");

    public static TableColumn Age { get; } = new("Age");

    public static string AgeOf(Resource r, DateTimeOffset now) =>
        r.Metadata.CreationTimestamp == default ? "<unknown>" : HumanDuration.Format(now - r.Metadata.CreationTimestamp);

    public static string Labels(IReadOnlyDictionary<string, string> labels) =>
        labels.Count == 0 ? None : string.Join(",", labels.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}

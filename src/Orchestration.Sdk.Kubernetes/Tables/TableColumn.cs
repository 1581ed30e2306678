namespace Orchestration.Sdk.Kubernetes.Tables;

/// <summary>One column of a server-side Table, as Kubernetes' TableColumnDefinition.</summary>
/// <param name="Name">The header ("Ready"); kubectl prints it upper-cased.</param>
/// <param name="Type">"string", "integer", "date"…</param>
/// <param name="Priority">0 for default columns, 1 for those only <c>-o wide</c> shows.</param>
/// <param name="Format">"name" for the name column, else empty.</param>
internal sealed record TableColumn(string Name, string Type = "string", int Priority = 0, string Format = "");

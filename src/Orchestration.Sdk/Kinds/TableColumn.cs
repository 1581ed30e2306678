using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Kinds;

/// <summary>
/// One column of the table <c>kubectl get</c> prints for a kind, as a Kubernetes Table's column definition
/// (meta.k8s.io/v1 TableColumnDefinition) plus how to compute a row's cell.
/// </summary>
/// <param name="Name">The column's name as the server names it ("Name", "Ready", "Cluster-IP"); kubectl prints it upper-cased.</param>
/// <param name="Type">The OpenAPI type of the cell: "string", "integer", "number", "boolean" or "date".</param>
/// <param name="Format">The OpenAPI format ("name" for the object's name column); empty when none.</param>
/// <param name="Description">What the column shows, in Kubernetes' words.</param>
/// <param name="Priority">0 for a default column; 1 for a column shown only with <c>-o wide</c>.</param>
/// <param name="Value">Computes the cell of one object. An age column returns the creation timestamp, which a printer renders as an age.</param>
public sealed record TableColumn(string Name, string Type, string Format, string Description, int Priority, Func<Resource, object?> Value)
{
    /// <summary>The description Kubernetes gives the Name column.</summary>
    public const string NameDescription = "Name must be unique within a namespace.";

    /// <summary>The description Kubernetes gives the Age column.</summary>
    public const string AgeDescription = "CreationTimestamp is a timestamp representing the server time when this object was created.";

    /// <summary>The Name column every kind starts with.</summary>
    public static TableColumn NameColumn { get; } = new("Name", "string", "name", NameDescription, 0, r => r.Metadata.Name);

    /// <summary>The Age column: the cell is the creation timestamp (a <see cref="DateTimeOffset"/>).</summary>
    public static TableColumn AgeColumn { get; } = new("Age", "date", string.Empty, AgeDescription, 0, r => r.Metadata.CreationTimestamp);

    /// <summary>A typed column.</summary>
    /// <typeparam name="T">The kind's type.</typeparam>
    /// <param name="name">The column name.</param>
    /// <param name="type">The OpenAPI type of the cell.</param>
    /// <param name="description">What the column shows.</param>
    /// <param name="value">Computes the cell.</param>
    /// <param name="priority">0 for a default column, 1 for wide only. <value>The default value is 0.</value></param>
    /// <returns>The column.</returns>
    public static TableColumn For<T>(string name, string type, string description, Func<T, object?> value, int priority = 0)
        where T : Resource
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(name, type, string.Empty, description, priority, r => value((T)r));
    }
}

using System.Globalization;
using System.Text;

namespace Orchestration.Sdk.Runtime;

/// <summary>
/// A file the runtime places in a container before it starts (a ConfigMap or Secret key mounted at a path). Secret
/// content (<see cref="IsSecret"/>) belongs in memory-backed storage only (tmpfs), never on disk or in an image layer.
/// Printing a file never shows its content.
/// </summary>
public sealed record ContainerFile
{
    /// <summary>The absolute path in the container.</summary>
    public required string Path { get; init; }

    /// <summary>The content.</summary>
    public required ReadOnlyMemory<byte> Content { get; init; }

    /// <summary>The Unix permission bits. <value>The default value is 0644 (420).</value></summary>
    public int Mode { get; init; } = Convert.ToInt32("644", 8);

    /// <summary>Whether the content is secret. <value>The default value is false.</value></summary>
    public bool IsSecret { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Path = ").Append(Path)
            .Append(", Mode = ").Append(Convert.ToString(Mode, 8))
            .Append(", IsSecret = ").Append(IsSecret ? "true" : "false")
            .Append(", Length = ").Append(Content.Length.ToString(CultureInfo.InvariantCulture));
        return true;
    }
}

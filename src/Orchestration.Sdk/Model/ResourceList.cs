namespace Orchestration.Sdk.Model;

/// <summary>Amounts of CPU (cores) and memory (bytes).</summary>
public sealed record ResourceList
{
    /// <summary>CPU in cores ("500m" is half a core). <value>The default value is null (none).</value></summary>
    public Quantity? Cpu { get; init; }

    /// <summary>Memory in bytes ("256Mi"). <value>The default value is null (none).</value></summary>
    public Quantity? Memory { get; init; }
}

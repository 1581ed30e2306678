namespace Orchestration.Sdk.Model;

/// <summary>CPU, memory and pod-count amounts of a node.</summary>
public sealed record NodeResources
{
    /// <summary>CPU in cores.</summary>
    public Quantity Cpu { get; init; } = Quantity.Zero;

    /// <summary>Memory in bytes.</summary>
    public Quantity Memory { get; init; } = Quantity.Zero;

    /// <summary>How many pods may run on the node. <value>The default value is 110, as Kubernetes'.</value></summary>
    public int Pods { get; init; } = 110;
}

namespace Orchestration.Sdk.Runtime;

/// <summary>One volume mounted into a container (a resolved volumeMount).</summary>
public sealed record ContainerMount
{
    /// <summary>The storage.</summary>
    public required RuntimeVolume Volume { get; init; }

    /// <summary>The absolute path in the container.</summary>
    public required string ContainerPath { get; init; }

    /// <summary>Whether the container may only read. <value>The default value is false.</value></summary>
    public bool ReadOnly { get; init; }

    /// <summary>A relative path in the volume to mount instead of its root. <value>The default value is "" (the root).</value></summary>
    public string SubPath { get; init; } = string.Empty;
}

namespace Orchestration.Sdk.Runtime;

/// <summary>A container to create in a sandbox.</summary>
public sealed record ContainerCreateRequest
{
    /// <summary>The sandbox it joins.</summary>
    public required string SandboxId { get; init; }

    /// <summary>The container's name within the pod.</summary>
    public required string Name { get; init; }

    /// <summary>The image.</summary>
    public required string Image { get; init; }

    /// <summary>
    /// A local directory holding a Dockerfile to build <see cref="Image"/> from when it is missing (instead of pulling);
    /// runtimes that cannot build ignore it. <value>The default value is null (pull as the pull policy says).</value>
    /// </summary>
    public string? ImageBuildContext { get; init; }

    /// <summary>Replaces the entrypoint when not empty.</summary>
    public IReadOnlyList<string> Command { get; init; } = [];

    /// <summary>Arguments.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Environment variables.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Files to place in the container before it starts (ConfigMap and Secret keys); a runtime puts those marked
    /// <see cref="ContainerFile.IsSecret"/> on memory-backed storage. <value>The default value is empty.</value>
    /// </summary>
    public IReadOnlyList<ContainerFile> Files { get; init; } = [];

    /// <summary>
    /// Volumes to mount. The runtime makes an emptyDir or claim volume on its first mount and keeps it (an emptyDir until
    /// the pod's sandbox is removed, a claim's until <see cref="IContainerRuntime.RemoveVolumeAsync"/>), so a restarted
    /// container sees the same data. Throws with reason FailedMount when a volume cannot be mounted.
    /// <value>The default value is empty.</value>
    /// </summary>
    public IReadOnlyList<ContainerMount> Mounts { get; init; } = [];

    /// <summary>Ports it listens on.</summary>
    public IReadOnlyList<int> Ports { get; init; } = [];

    /// <summary>The working directory, or null for the image's.</summary>
    public string? WorkingDir { get; init; }

    /// <summary>CPU limit in milli-cores, or null for none.</summary>
    public long? CpuLimitMilliCores { get; init; }

    /// <summary>Memory limit in bytes, or null for none.</summary>
    public long? MemoryLimitBytes { get; init; }

    /// <summary>Labels tying the container to its pod (the node agent sets them; see <see cref="RuntimeLabels"/>).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}

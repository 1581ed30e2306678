namespace Orchestration.Sdk.Model;

/// <summary>What the node agent observed of one container.</summary>
public sealed record ContainerStatus
{
    /// <summary>The container's name.</summary>
    public required string Name { get; init; }

    /// <summary>The current state.</summary>
    public ContainerState State { get; init; } = ContainerState.WaitingFor("ContainerCreating");

    /// <summary>The previous instance's state after a restart. <value>The default value is null.</value></summary>
    public ContainerState? LastState { get; init; }

    /// <summary>Whether the container is ready (running, and its readiness probe passes).</summary>
    public bool Ready { get; init; }

    /// <summary>How many times the container has been restarted.</summary>
    public int RestartCount { get; init; }

    /// <summary>The image.</summary>
    public string Image { get; init; } = string.Empty;

    /// <summary>The runtime's id of the current instance. <value>The default value is null.</value></summary>
    public string? ContainerId { get; init; }
}

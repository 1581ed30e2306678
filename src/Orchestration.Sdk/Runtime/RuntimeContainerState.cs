namespace Orchestration.Sdk.Runtime;

/// <summary>A container's state in the runtime.</summary>
public enum RuntimeContainerState
{
    /// <summary>Created, not started.</summary>
    Created,

    /// <summary>Running.</summary>
    Running,

    /// <summary>Exited (or failed to start).</summary>
    Exited,
}

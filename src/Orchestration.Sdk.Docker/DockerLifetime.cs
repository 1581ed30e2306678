namespace Orchestration.Sdk.Docker;

/// <summary>What happens to the containers of an application when its host stops.</summary>
public enum DockerLifetime
{
    /// <summary>
    /// The host removes its containers, sandboxes and network when it stops; a later host sweeps the leftovers of
    /// one that died without stopping. The default, and what test suites want.
    /// </summary>
    RemoveOnShutdown,

    /// <summary>
    /// Containers keep running after the host stops; the next host of the same application adopts them by label,
    /// without duplicating or restarting healthy ones.
    /// </summary>
    Persistent,
}

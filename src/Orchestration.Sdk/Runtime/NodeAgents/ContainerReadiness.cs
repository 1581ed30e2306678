using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Runtime.NodeAgents;

/// <summary>
/// Decides whether a running container instance is ready. Until readiness probes exist every running container is
/// ready (<see cref="ContainerReadinessGates.Running"/>); a prober plugs in here.
/// </summary>
/// <param name="pod">The pod.</param>
/// <param name="container">The container's spec.</param>
/// <param name="instance">The running instance.</param>
internal delegate bool ContainerReadiness(Pod pod, Container container, RuntimeContainer instance);

/// <summary>Built-in readiness decisions.</summary>
internal static class ContainerReadinessGates
{
    /// <summary>Ready as soon as it runs (a container without a readiness probe, as in Kubernetes).</summary>
    public static ContainerReadiness Running { get; } = static (_, _, _) => true;
}

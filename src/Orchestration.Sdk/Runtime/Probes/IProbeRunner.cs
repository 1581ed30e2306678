using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Runtime;

/// <summary>
/// An optional capability of an <see cref="IContainerRuntime"/>: runs a container's probe where the container is (an
/// HTTP GET, a TCP connection or a command inside it). The node agent applies the probe's timeout, thresholds and
/// period; a runtime that does not implement this gets HTTP and TCP probes sent to the pod's address by the agent.
/// </summary>
public interface IProbeRunner
{
    /// <summary>Runs one probe against a running container instance.</summary>
    /// <param name="containerId">The instance.</param>
    /// <param name="probe">The probe; a named port is already resolved to <see cref="HttpGetAction.Port"/> or <see cref="TcpSocketAction.Port"/>.</param>
    /// <param name="kind">Which probe it is.</param>
    /// <param name="cancellationToken">Cancelled when the probe's timeout elapses or the agent stops.</param>
    /// <returns>Whether the probe passed.</returns>
    Task<ProbeResult> ProbeAsync(string containerId, Probe probe, ProbeKind kind, CancellationToken cancellationToken);
}

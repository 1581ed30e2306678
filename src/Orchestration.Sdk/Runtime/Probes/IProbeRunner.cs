using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Runtime.Probes;

/// <summary>
/// An optional capability of an <see cref="IContainerRuntime"/>: runs a container's probe where the container is (an
/// HTTP GET, a TCP connection or a command inside it). The node agent applies the probe's timeout, thresholds and
/// period; the probes a runtime does not run (it does not implement this, or <see cref="Runs"/> says no) are HTTP GET
/// and TCP probes the agent sends to the pod's address itself, as the kubelet does.
/// </summary>
public interface IProbeRunner
{
    /// <summary>
    /// Whether this runtime runs <paramref name="probe"/>; when not, the agent sends an HTTP GET or TCP probe to the
    /// pod's address itself (a runtime that cannot reach the pod's network from where it runs should run those).
    /// <value>The default implementation returns true: the runtime runs every probe.</value>
    /// </summary>
    /// <param name="probe">The probe about to run.</param>
    /// <returns>True to have <see cref="ProbeAsync"/> called for it.</returns>
    bool Runs(Probe probe) => true;

    /// <summary>
    /// Runs one probe against a running container instance, once: the agent never retries a probe (the next period
    /// probes again; its thresholds count the results). A probe that did not pass returns
    /// <see cref="ProbeResult.Failure"/> with the kubelet's wording. When the probe's timeout elapses the token is
    /// cancelled: end at once, and the agent records a timeout failure. A <see cref="ContainerRuntimeException"/> counts
    /// as a failure with its message; throw nothing else (report a failure instead).
    /// </summary>
    /// <param name="containerId">The instance.</param>
    /// <param name="probe">The probe; a named port is already resolved to <see cref="HttpGetAction.Port"/> or <see cref="TcpSocketAction.Port"/>.</param>
    /// <param name="kind">Which probe it is.</param>
    /// <param name="cancellationToken">Cancelled when the probe's timeout elapses or the agent stops.</param>
    /// <returns>Whether the probe passed.</returns>
    Task<ProbeResult> ProbeAsync(string containerId, Probe probe, ProbeKind kind, CancellationToken cancellationToken);
}

using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime.Probes;

namespace Orchestration.Sdk.Runtime.InMemory;

/// <summary>Probes on a simulated node: a test sets each container's health per probe kind; every probe is counted.</summary>
public sealed partial class InMemoryNode : IProbeRunner
{
    private readonly Dictionary<(string Pod, string Container, ProbeKind Kind), bool> _health = [];
    private readonly Dictionary<(string Pod, string Container, ProbeKind Kind), int> _probes = [];

    /// <summary>
    /// Sets what a pod's container answers to one kind of probe, for this and every later instance of it on this node.
    /// <value>By default every probe succeeds.</value>
    /// </summary>
    /// <param name="podName">The pod's name.</param>
    /// <param name="containerName">The container's name within the pod.</param>
    /// <param name="kind">Which probe.</param>
    /// <param name="healthy">Whether the probe succeeds.</param>
    public void SetProbeResult(string podName, string containerName, ProbeKind kind, bool healthy)
    {
        ArgumentException.ThrowIfNullOrEmpty(podName);
        ArgumentException.ThrowIfNullOrEmpty(containerName);
        lock (_gate)
        {
            _health[(podName, containerName, kind)] = healthy;
        }
    }

    /// <summary>How many probes of a kind ran against a pod's container on this node (every instance).</summary>
    /// <param name="podName">The pod's name.</param>
    /// <param name="containerName">The container's name within the pod.</param>
    /// <param name="kind">Which probe.</param>
    /// <returns>The count.</returns>
    public int ProbeCount(string podName, string containerName, ProbeKind kind)
    {
        lock (_gate)
        {
            return _probes.GetValueOrDefault((podName, containerName, kind));
        }
    }

    /// <inheritdoc />
    public Task<ProbeResult> ProbeAsync(string containerId, Probe probe, ProbeKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_down)
            {
                throw Unavailable();
            }

            if (!_containers.TryGetValue(containerId, out var c) || c.State != RuntimeContainerState.Running)
            {
                return Task.FromResult(ProbeResult.Failure($"container {containerId} is not running"));
            }

            c.Labels.TryGetValue(RuntimeLabels.PodName, out var pod);
            c.Labels.TryGetValue(RuntimeLabels.ContainerName, out var name);
            var key = (pod ?? string.Empty, name ?? string.Empty, kind);
            _probes[key] = _probes.GetValueOrDefault(key) + 1;
            return Task.FromResult(_health.GetValueOrDefault(key, true) ? ProbeResult.Success : ProbeResult.Failure(FailureOutput(probe)));
        }
    }

    /// <summary>What Kubernetes' probers report for a failure of each handler.</summary>
    private static string FailureOutput(Probe probe) =>
        probe.HttpGet is not null ? "HTTP probe failed with statuscode: 500"
        : probe.TcpSocket is { } tcp ? $"dial tcp: connect to port {tcp.Port}: connection refused"
        : $"command \"{string.Join(' ', probe.Exec?.Command ?? [])}\" exited with 1";
}

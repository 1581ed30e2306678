using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Runtime.Probes;

/// <summary>
/// The probe state of one running container instance (the kubelet's results managers, per container id): whether its
/// startup probe passed, whether it is ready, and why it must be killed; and the workers probing it.
/// </summary>
internal sealed class ContainerProbes
{
    public ContainerProbes(Pod pod, Container spec, RuntimeContainer instance, string? podIp)
    {
        Uid = pod.Metadata.Uid;
        PodKey = pod.Key;
        Spec = spec;
        ContainerId = instance.Id;
        StartedAt = instance.StartedAt ?? instance.CreatedAt;
        PodIP = podIp;
        Started = spec.StartupProbe is null;
    }

    public string Uid { get; }

    public ObjectKey PodKey { get; }

    public Container Spec { get; }

    public string ContainerId { get; }

    public DateTimeOffset StartedAt { get; }

    public string? PodIP { get; }

    public List<ProbeWorker> Workers { get; } = [];

    /// <summary>Whether the startup probe passed (true without one). Guarded by the manager's lock.</summary>
    public bool Started { get; set; }

    /// <summary>The readiness probe's result; a container with one starts not ready. Guarded by the manager's lock.</summary>
    public bool Ready { get; set; }

    /// <summary>Set when the liveness or startup probe failed: the kubelet's message for killing the container.</summary>
    public string? Failure { get; set; }

    public static bool HasProbes(Container spec) => spec.LivenessProbe is not null || spec.ReadinessProbe is not null || spec.StartupProbe is not null;
}

using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Runtime.Probes;

/// <summary>Resolves a probe's named port to the number the container declares, as the kubelet's prober does.</summary>
internal static class ProbePorts
{
    /// <summary>The probe with its port as a number, or null when a named port is not declared.</summary>
    public static Probe? Resolve(Probe probe, Container spec)
    {
        if (probe.HttpGet is { Port: null } http)
        {
            return Find(spec, http.PortName) is { } n ? probe with { HttpGet = http with { Port = n } } : null;
        }

        if (probe.TcpSocket is { Port: null } tcp)
        {
            return Find(spec, tcp.PortName) is { } n ? probe with { TcpSocket = tcp with { Port = n } } : null;
        }

        return probe;
    }

    private static int? Find(Container spec, string? name) =>
        name is null ? null : spec.Ports.FirstOrDefault(p => p.Name == name)?.Number;
}

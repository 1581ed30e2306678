using k8s.Models;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Kubernetes.Wire;

/// <summary>Maps probes; a named port is an IntOrString holding the name.</summary>
internal static class ProbeMapper
{
    public static V1Probe? ToWire(Probe? p) => p is null ? null : new V1Probe
    {
        HttpGet = p.HttpGet is { } h ? new V1HTTPGetAction { Port = Port(h.Port, h.PortName), Host = h.Host, Path = h.Path, Scheme = h.Scheme.ToUpperInvariant() } : null,
        TcpSocket = p.TcpSocket is { } t ? new V1TCPSocketAction { Port = Port(t.Port, t.PortName), Host = t.Host } : null,
        Exec = p.Exec is { } e ? new V1ExecAction { Command = e.Command.ToList() } : null,
        InitialDelaySeconds = p.InitialDelaySeconds == 0 ? null : p.InitialDelaySeconds,
        PeriodSeconds = p.PeriodSeconds,
        TimeoutSeconds = p.TimeoutSeconds,
        SuccessThreshold = p.SuccessThreshold,
        FailureThreshold = p.FailureThreshold,
    };

    public static Probe? FromWire(V1Probe? p)
    {
        if (p is null)
        {
            return null;
        }

        return new Probe
        {
            HttpGet = p.HttpGet is { } h ? new HttpGetAction
            {
                Path = h.Path ?? "/",
                Port = Number(h.Port),
                PortName = Name(h.Port),
                Scheme = h.Scheme ?? "HTTP",
                Host = h.Host,
            } : null,
            TcpSocket = p.TcpSocket is { } t ? new TcpSocketAction { Port = Number(t.Port), PortName = Name(t.Port), Host = t.Host } : null,
            Exec = p.Exec is { } e ? new ExecAction { Command = e.Command?.ToList() ?? [] } : null,
            InitialDelaySeconds = p.InitialDelaySeconds ?? 0,
            PeriodSeconds = p.PeriodSeconds ?? 10,
            TimeoutSeconds = p.TimeoutSeconds ?? 1,
            SuccessThreshold = p.SuccessThreshold ?? 1,
            FailureThreshold = p.FailureThreshold ?? 3,
        };
    }

    public static IntOrString Port(int? number, string? name) =>
        number is { } n ? n : (IntOrString)(name ?? string.Empty);

    public static int? Number(IntOrString? port) =>
        port?.Value is { } v && int.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    public static string? Name(IntOrString? port) => port?.Value is { } v && Number(port) is null ? v : null;
}

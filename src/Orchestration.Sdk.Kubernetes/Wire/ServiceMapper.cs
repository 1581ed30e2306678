using k8s.Models;
using Orchestration.Sdk.Networking;
using static Orchestration.Sdk.Kubernetes.Wire.MetaMapper;

namespace Orchestration.Sdk.Kubernetes.Wire;

/// <summary>Maps Services and Endpoints (core/v1).</summary>
internal static class ServiceMapper
{
    public static V1Service ToWire(Service s) => new()
    {
        ApiVersion = "v1",
        Kind = Service.KindName,
        Metadata = MetaMapper.ToWire(s.Metadata, namespaced: true),
        Spec = new V1ServiceSpec
        {
            Selector = Map(s.Spec.Selector),
            Ports = List(s.Spec.Ports.Select(p => new V1ServicePort
            {
                Port = p.Port,
                Name = p.Name,
                NodePort = p.NodePort,
                Protocol = p.Protocol,
                TargetPort = ProbeMapper.Port(p.TargetPortName is null ? p.TargetPort ?? p.Port : null, p.TargetPortName),
            })),
            Type = s.Spec.Type.ToString(),
            ClusterIP = s.Spec.ClusterIP,
            ClusterIPs = s.Spec.ClusterIP is { } ip ? [ip] : null,
            SessionAffinity = "None",
        },
        Status = new V1ServiceStatus { LoadBalancer = new V1LoadBalancerStatus() },
    };

    public static Service FromWire(V1Service s) => new()
    {
        Metadata = MetaMapper.FromWire(s.Metadata, namespaced: true),
        Spec = new ServiceSpec
        {
            Selector = Map(s.Spec?.Selector),
            Ports = s.Spec?.Ports?.Select(p => new ServicePort
            {
                Name = p.Name,
                Port = p.Port,
                TargetPort = ProbeMapper.Number(p.TargetPort),
                TargetPortName = ProbeMapper.Name(p.TargetPort),
                Protocol = p.Protocol ?? "TCP",
                NodePort = p.NodePort is 0 ? null : p.NodePort, // kubectl create service sends 0 for "allocate one", as Kubernetes reads it
            }).ToList() ?? [],
            Type = Enum(s.Spec?.Type, ServiceType.ClusterIP),
            ClusterIP = s.Spec?.ClusterIP,
        },
    };

    public static V1Endpoints ToWire(Endpoints e)
    {
        var ports = e.Addresses.Concat(e.NotReadyAddresses).SelectMany(a => a.Ports).Distinct().ToList();
        var subsets = e.Addresses.Count + e.NotReadyAddresses.Count == 0 ? null : new List<V1EndpointSubset>
        {
            new()
            {
                Addresses = List(e.Addresses.Select(ToWire)),
                NotReadyAddresses = List(e.NotReadyAddresses.Select(ToWire)),
                Ports = List(ports.Select(p => new Corev1EndpointPort { Port = p.Port, Name = p.Name, Protocol = p.Protocol })),
            },
        };
        return new V1Endpoints
        {
            ApiVersion = "v1",
            Kind = Endpoints.KindName,
            Metadata = MetaMapper.ToWire(e.Metadata, namespaced: true),
            Subsets = subsets,
        };
    }

    public static Endpoints FromWire(V1Endpoints e)
    {
        var subsets = e.Subsets ?? [];
        return new Endpoints
        {
            Metadata = MetaMapper.FromWire(e.Metadata, namespaced: true),
            Addresses = subsets.SelectMany(s => (s.Addresses ?? []).Select(a => FromWire(a, s, ready: true))).ToList(),
            NotReadyAddresses = subsets.SelectMany(s => (s.NotReadyAddresses ?? []).Select(a => FromWire(a, s, ready: false))).ToList(),
        };
    }

    private static V1EndpointAddress ToWire(EndpointAddress a) => new()
    {
        Ip = a.IP,
        NodeName = a.NodeName,
        TargetRef = new V1ObjectReference { Kind = "Pod", Name = a.PodName },
    };

    private static EndpointAddress FromWire(V1EndpointAddress a, V1EndpointSubset subset, bool ready) => new()
    {
        PodName = a.TargetRef?.Name ?? string.Empty,
        NodeName = a.NodeName ?? string.Empty,
        IP = a.Ip,
        Ready = ready,
        Ports = subset.Ports?.Select(p => new EndpointPort(p.Name, p.Port, p.Protocol ?? "TCP")).ToList() ?? [],
    };
}

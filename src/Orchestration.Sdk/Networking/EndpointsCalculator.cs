using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Networking;

/// <summary>Computes a service's endpoints from its pods, as Kubernetes' endpoints controller does.</summary>
internal static class EndpointsCalculator
{
    /// <summary>Whether a pod can be an endpoint at all: it has an address and a node, and is neither terminating nor finished.</summary>
    public static bool IsCandidate(Pod pod) =>
        !pod.IsTerminating() && pod.Status.PodIP is not null && pod.Spec.NodeName is not null &&
        pod.Status.Phase is not (PodPhase.Succeeded or PodPhase.Failed);

    public static Endpoints Compute(Service service, IEnumerable<Pod> pods)
    {
        var ready = new List<EndpointAddress>();
        var notReady = new List<EndpointAddress>();
        foreach (var pod in pods.Where(IsCandidate).OrderBy(p => p.Metadata.Name, StringComparer.Ordinal))
        {
            var ports = ResolvePorts(service.Spec.Ports, pod);
            if (ports.Count == 0 && service.Spec.Ports.Count > 0)
            {
                continue; // no service port maps to this pod (a named target port it lacks)
            }

            var address = new EndpointAddress
            {
                PodName = pod.Metadata.Name,
                NodeName = pod.Spec.NodeName!,
                IP = pod.Status.PodIP!,
                Ready = pod.Status.IsReady,
                Ports = ports,
            };
            (address.Ready ? ready : notReady).Add(address);
        }

        return new Endpoints
        {
            Metadata = new ObjectMeta
            {
                Name = service.Metadata.Name,
                Namespace = service.Metadata.Namespace,
                Labels = service.Metadata.Labels,
                OwnerReferences = [new OwnerReference(Service.KindName, service.Metadata.Name, service.Metadata.Uid)],
            },
            Addresses = ready,
            NotReadyAddresses = notReady,
        };
    }

    /// <summary>The service's ports resolved against the pod: a target port name becomes the named container port's number.</summary>
    public static IReadOnlyList<EndpointPort> ResolvePorts(IReadOnlyList<ServicePort> ports, Pod pod)
    {
        var resolved = new List<EndpointPort>(ports.Count);
        foreach (var port in ports)
        {
            int? target = port.TargetPort;
            if (target is null && port.TargetPortName is { } name)
            {
                target = pod.Spec.Containers.SelectMany(c => c.Ports).FirstOrDefault(p => p.Name == name && p.Protocol == port.Protocol)?.Number;
                if (target is null)
                {
                    continue;
                }
            }

            resolved.Add(new EndpointPort(port.Name, target ?? port.Port, port.Protocol));
        }

        return resolved;
    }
}

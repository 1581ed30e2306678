using System.Globalization;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Networking;

/// <summary>
/// Decides a host-reachable service's <see cref="ServiceConditionType.HostPortsAllocated"/> condition: a host port that
/// an older service already holds is not the newer one's (the older keeps it), and the message names the port and the holder.
/// </summary>
internal static class HostPortConflicts
{
    public static Condition? Evaluate(Service service, IEnumerable<Service> all, DateTimeOffset now)
    {
        if (service.Spec.Type != ServiceType.NodePort)
        {
            return null;
        }

        var conflicts = new List<string>();
        foreach (var port in service.Spec.Ports)
        {
            if (port.NodePort is not { } hostPort)
            {
                continue;
            }

            var holder = all
                .Where(o => o.Metadata.Uid != service.Metadata.Uid && o.Spec.Type == ServiceType.NodePort && IsOlder(o, service) &&
                            o.Spec.Ports.Any(p => p.NodePort == hostPort && p.Protocol == port.Protocol))
                .OrderBy(o => o.Metadata.CreationTimestamp)
                .FirstOrDefault();
            if (holder is not null)
            {
                conflicts.Add(string.Create(CultureInfo.InvariantCulture, $"host port {hostPort} is already allocated to service \"{holder.Key.Display}\""));
            }
        }

        return conflicts.Count == 0
            ? new Condition(ServiceConditionType.HostPortsAllocated, ConditionStatus.True, ServiceConditionType.HostPortsAllocatedReason, null, now)
            : new Condition(ServiceConditionType.HostPortsAllocated, ConditionStatus.False, ServiceConditionType.PortAlreadyAllocatedReason, string.Join("; ", conflicts), now);
    }

    private static bool IsOlder(Service a, Service b) =>
        a.Metadata.CreationTimestamp < b.Metadata.CreationTimestamp ||
        (a.Metadata.CreationTimestamp == b.Metadata.CreationTimestamp && string.CompareOrdinal(a.Metadata.Uid, b.Metadata.Uid) < 0);
}

namespace Orchestration.Sdk.Networking;

/// <summary>
/// Re-applying a service keeps what was allocated to it, as <c>kubectl apply</c> does: a declaration carries no cluster
/// IP or host ports, and the service's address must not change (not even for a moment) while it exists.
/// </summary>
internal static class ServiceApply
{
    public static Service KeepAllocated(Service applied, Service current)
    {
        ArgumentNullException.ThrowIfNull(applied);
        ArgumentNullException.ThrowIfNull(current);
        var spec = applied.Spec;
        if (spec.ClusterIP is null && current.Spec.ClusterIP is not null)
        {
            spec = spec with { ClusterIP = current.Spec.ClusterIP };
        }

        if (spec.Type == ServiceType.NodePort && current.Spec.Type == ServiceType.NodePort)
        {
            spec = spec with
            {
                Ports = [.. spec.Ports.Select(p => p.NodePort is not null
                    ? p
                    : p with { NodePort = current.Spec.Ports.FirstOrDefault(c => c.Name == p.Name && c.Port == p.Port && c.Protocol == p.Protocol)?.NodePort })],
            };
        }

        return applied with { Spec = spec };
    }
}

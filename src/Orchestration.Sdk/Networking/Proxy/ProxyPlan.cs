using System.Globalization;
using System.Net;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Networking.Proxy;

/// <summary>Where one service port listens and the addresses of its ready endpoints.</summary>
/// <param name="EndPoint">The listening address and port.</param>
/// <param name="ServiceUid">The service's uid (a re-created service gets a new listener).</param>
/// <param name="Port">The service port's name or number.</param>
internal sealed record ListenerKey(IPEndPoint EndPoint, string ServiceUid, string Port);

/// <summary>A listener the proxy should have.</summary>
/// <param name="Service">The service.</param>
/// <param name="Display">"default/web:80" for logs.</param>
/// <param name="Backends">Its ready endpoints, ordered by pod name.</param>
/// <param name="Clash">Why it cannot listen (an older service holds the same address and port), or null.</param>
internal sealed record PlannedPort(ObjectKey Service, string Display, IPEndPoint[] Backends, string? Clash);

/// <summary>The listeners the store's services call for: one per service port, one per host port.</summary>
internal sealed class ProxyPlan
{
    public Dictionary<ListenerKey, PlannedPort> Ports { get; } = [];

    /// <param name="services">The services, oldest first (an older service keeps a contested port).</param>
    /// <param name="endpointsOf">The endpoints of a service (its namespace and name), or null.</param>
    /// <param name="serviceAddress">The address service ports listen on.</param>
    /// <param name="hostAddress">The address host ports listen on.</param>
    public static ProxyPlan Build(IReadOnlyList<Service> services, Func<Service, Endpoints?> endpointsOf, IPAddress serviceAddress, IPAddress hostAddress)
    {
        var plan = new ProxyPlan();
        var holders = new Dictionary<IPEndPoint, string>();
        foreach (var service in services.Where(s => !s.Spec.IsHeadless)) // a headless service has no address to listen on
        {
            var endpoints = endpointsOf(service);
            foreach (var port in service.Spec.Ports.Where(p => p.Protocol == "TCP"))
            {
                var backends = Backends(endpoints, port);
                var name = port.Name ?? port.Port.ToString(CultureInfo.InvariantCulture);
                var display = service.Key.Display + ":" + name;
                plan.Add(holders, new ListenerKey(new IPEndPoint(serviceAddress, port.Port), service.Metadata.Uid, name), service, display, backends);
                if (service.Spec.Type == ServiceType.NodePort && port.NodePort is { } hostPort)
                {
                    plan.Add(holders, new ListenerKey(new IPEndPoint(hostAddress, hostPort), service.Metadata.Uid, "host:" + name), service, display, backends);
                }
            }
        }

        return plan;
    }

    private static IPEndPoint[] Backends(Endpoints? endpoints, ServicePort port)
    {
        if (endpoints is null)
        {
            return [];
        }

        var result = new List<IPEndPoint>(endpoints.Addresses.Count);
        foreach (var address in endpoints.Addresses.Where(a => a.Ready))
        {
            var target = address.Ports.FirstOrDefault(p => p.Name == port.Name && p.Protocol == port.Protocol);
            if (target is not null && IPAddress.TryParse(address.IP, out var ip))
            {
                result.Add(new IPEndPoint(ip, target.Port));
            }
        }

        return [.. result];
    }

    private void Add(Dictionary<IPEndPoint, string> holders, ListenerKey key, Service service, string display, IPEndPoint[] backends)
    {
        string? clash = null;
        if (holders.TryGetValue(key.EndPoint, out var holder))
        {
            clash = string.Create(CultureInfo.InvariantCulture, $"port {key.EndPoint.Port} on {key.EndPoint.Address} is already used by service {holder}");
        }
        else
        {
            holders[key.EndPoint] = service.Key.Display;
        }

        Ports[key] = new PlannedPort(service.Key, display, backends, clash);
    }
}

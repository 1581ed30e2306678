using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Networking;

/// <summary>
/// The hosts-file entries of a namespace's services: each service with a cluster IP answers to the names cluster DNS
/// would give it (<c>web</c>, <c>web.default</c>, <c>web.default.svc</c>, <c>web.default.svc.cluster.local</c>).
/// </summary>
internal static class ServiceHosts
{
    public static IReadOnlyList<HostAlias> For(IEnumerable<Service> services) => For(services, _ => null);

    /// <summary>
    /// The entries of <paramref name="services"/>; a headless service's come from its ready endpoints: each pod answers
    /// to <c>&lt;pod&gt;.&lt;service&gt;</c> (and the longer forms), as cluster DNS names a StatefulSet's replicas, and the
    /// service's own names go to its ready pods (a hosts file answers with the first).
    /// </summary>
    public static IReadOnlyList<HostAlias> For(IEnumerable<Service> services, Func<Service, Endpoints?> endpointsOf)
    {
        var live = services.Where(s => !string.IsNullOrEmpty(s.Spec.ClusterIP) && s.Metadata.DeletionTimestamp is null)
            .OrderBy(s => s.Metadata.Namespace, StringComparer.Ordinal)
            .ThenBy(s => s.Metadata.Name, StringComparer.Ordinal)
            .ToList();
        var entries = new List<(string IP, string Name)>();
        foreach (var service in live)
        {
            if (!service.Spec.IsHeadless)
            {
                entries.AddRange(NamesOf(service).Select(n => (service.Spec.ClusterIP!, n)));
                continue;
            }

            var ready = endpointsOf(service)?.Addresses.OrderBy(a => a.PodName, StringComparer.Ordinal).ToList() ?? [];
            foreach (var address in ready)
            {
                entries.AddRange(NamesOf(service).Select(n => (address.IP, address.PodName + "." + n)));
            }

            if (ready.Count > 0)
            {
                entries.AddRange(NamesOf(service).Select(n => (ready[0].IP, n)));
            }
        }

        return [.. entries.GroupBy(e => e.IP, StringComparer.Ordinal).Select(g => new HostAlias(g.Key, [.. g.Select(e => e.Name)]))];
    }

    public static IEnumerable<string> NamesOf(Service service)
    {
        var name = service.Metadata.Name;
        var ns = service.Metadata.Namespace;
        yield return name;
        yield return name + "." + ns;
        yield return name + "." + ns + ".svc";
        yield return name + "." + ns + ".svc.cluster.local";
    }
}

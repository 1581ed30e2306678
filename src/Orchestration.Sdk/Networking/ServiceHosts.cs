using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Networking;

/// <summary>
/// The hosts-file entries of a namespace's services: each service with a cluster IP answers to the names cluster DNS
/// would give it (<c>web</c>, <c>web.default</c>, <c>web.default.svc</c>, <c>web.default.svc.cluster.local</c>).
/// </summary>
internal static class ServiceHosts
{
    public static IReadOnlyList<HostAlias> For(ResourceStore store, string @namespace)
    {
        ArgumentNullException.ThrowIfNull(store);
        return For(store.List<Service>(Service.KindName, @namespace).Items);
    }

    public static IReadOnlyList<HostAlias> For(IEnumerable<Service> services) =>
        [.. services
            .Where(s => !string.IsNullOrEmpty(s.Spec.ClusterIP) && s.Spec.ClusterIP != "None" && s.Metadata.DeletionTimestamp is null)
            .OrderBy(s => s.Metadata.Namespace, StringComparer.Ordinal)
            .ThenBy(s => s.Metadata.Name, StringComparer.Ordinal)
            .GroupBy(s => s.Spec.ClusterIP!, StringComparer.Ordinal)
            .Select(g => new HostAlias(g.Key, [.. g.SelectMany(NamesOf)]))];

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

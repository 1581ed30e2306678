using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestration.Sdk.Controllers;
using Orchestration.Sdk.Controllers.Engine;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Networking.Proxy;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Networking;

/// <summary>
/// Keeps, per service, an <see cref="Endpoints"/> object listing the selected pods that are Ready (and, apart, those
/// that are not), as Kubernetes' endpoints controller; allocates the service's cluster IP and host ports; and sets the
/// service's <see cref="ServiceConditionType.EndpointsReady"/> condition. Any change of a pod reconciles the services
/// whose selector matches it, so a pod that stops being ready, crashes, is deleted or starts terminating leaves at once.
/// </summary>
internal sealed partial class EndpointsController(
    ResourceStore store, ISharedInformerFactory informers, TimeProvider time, IOptions<ControllerOptions> options, ILogger<EndpointsController> logger,
    IServiceNetwork? serviceNetwork = null, ProxyHostPorts? proxyHostPorts = null, Orchestration.Sdk.Diagnostics.OrchestrationMetrics? metrics = null)
    : Controller("endpoints-controller", store, informers, time, options.Value, logger, metrics)
{
    private readonly Lock _allocation = new();

    // What each service (by uid) was given, so a re-applied declaration (which carries no cluster IP or host ports)
    // gets the same addresses back: a service's address must not change while it exists.
    private readonly Dictionary<string, ServiceSpec> _allocated = new(StringComparer.Ordinal);

    protected override IReadOnlyList<WatchSource> Sources =>
    [
        WatchSource.Self(Service.KindName),
        WatchSource.Self(Endpoints.KindName) with { Map = e => [new ObjectKey(Service.KindName, e.Metadata.Namespace, e.Metadata.Name)] },
        new WatchSource(Pod.KindName, ServicesSelecting),
    ];

    protected override async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var endpointsKey = new ObjectKey(Endpoints.KindName, key.Namespace, key.Name);
        var service = Store.Get<Service>(key);
        if (service is null || service.Metadata.DeletionTimestamp is not null)
        {
            lock (_allocation)
            {
                var live = Store.List<Service>(Service.KindName).Items.Select(s => s.Metadata.Uid).ToHashSet(StringComparer.Ordinal);
                foreach (var uid in _allocated.Keys.Where(u => !live.Contains(u)).ToList())
                {
                    _allocated.Remove(uid);
                }
            }

            DeleteEndpoints(endpointsKey);

            // A host port the deleted service held may now belong to a newer service: let those re-evaluate.
            foreach (var exposed in Store.List<Service>(Service.KindName, filter: s => s.Spec.Type == ServiceType.NodePort).Items)
            {
                Queue.Add(exposed.Key);
            }

            return ReconcileResult.Done;
        }

        // A runtime without virtual cluster IPs gives every service the one address its proxy listens on.
        var shared = serviceNetwork is null ? null : await serviceNetwork.GetServiceAddressAsync(cancellationToken).ConfigureAwait(false);
        service = Allocate(service, shared);
        var services = Informers.For<Service>();
        var pods = Informers.For<Pod>();
        await Task.WhenAll(services.WaitForSyncAsync(cancellationToken), pods.WaitForSyncAsync(cancellationToken)).ConfigureAwait(false);
        if (HostPortConflicts.Evaluate(service, services.List(), Time.GetUtcNow()) is { } hostPorts)
        {
            SetServiceCondition(service.Key, hostPorts);
        }

        if (service.Spec.Selector.Count == 0)
        {
            return ReconcileResult.Done; // a selector-less service's endpoints are managed by hand
        }

        var selector = LabelSelector.Of(service.Spec.Selector);
        var selected = pods.List(key.Namespace, selector);
        var desired = EndpointsCalculator.Compute(service, selected);
        WriteEndpoints(endpointsKey, desired);
        SetCondition(service, selected, desired);
        return ReconcileResult.Done;
    }

    private IEnumerable<ObjectKey> ServicesSelecting(Resource pod) =>
        Informers.For<Service>().List(pod.Metadata.Namespace)
            .Where(s => s.Spec.Selector.Count > 0 && LabelSelector.Of(s.Spec.Selector).Matches(pod.Metadata.Labels))
            .Select(s => s.Key);

    /// <summary>Gives the service a cluster IP and, when exposed on the host, a host port per port.</summary>
    private Service Allocate(Service service, string? shared)
    {
        if (service.Spec.IsHeadless)
        {
            return service; // no address to allocate: the name resolves to the pods
        }

        var needsHostPorts = service.Spec.Type == ServiceType.NodePort && service.Spec.Ports.Any(p => p.NodePort is null);
        if (service.Spec.ClusterIP is not null && (shared is null || service.Spec.ClusterIP == shared) && !needsHostPorts)
        {
            lock (_allocation)
            {
                _allocated[service.Metadata.Uid] = service.Spec;
            }

            return service;
        }

        lock (_allocation)
        {
            var others = Store.List<Service>(Service.KindName, filter: s => s.Metadata.Uid != service.Metadata.Uid).Items;
            var updated = Store.Mutate<Service>(service.Key, s =>
            {
                if (s.Metadata.Uid != service.Metadata.Uid)
                {
                    return s;
                }

                var spec = s.Spec;
                _allocated.TryGetValue(s.Metadata.Uid, out var before);
                if (shared is not null)
                {
                    spec = spec with { ClusterIP = shared };
                }
                else if (spec.ClusterIP is null)
                {
                    var taken = others.Select(o => o.Spec.ClusterIP).ToList();
                    spec = spec with
                    {
                        ClusterIP = before?.ClusterIP is { } kept && !taken.Contains(kept) ? kept : ServiceAddressAllocator.NextClusterIP(taken),
                    };
                }

                if (spec.Type == ServiceType.NodePort)
                {
                    var used = new HashSet<int>(others.SelectMany(o => o.Spec.Ports).Concat(spec.Ports).Select(p => p.NodePort).OfType<int>());
                    spec = spec with
                    {
                        Ports = spec.Ports.Select(p => p.NodePort is not null ? p : p with { NodePort = Kept(before, p, used) ?? Take(used, proxyHostPorts) }).ToList(),
                    };
                }

                return s with { Spec = spec };
            });
            if (updated is not null)
            {
                _allocated[updated.Metadata.Uid] = updated.Spec;
                LogAllocated(Logger, service.Key.Display, updated.Spec.ClusterIP ?? "none");
            }

            return updated ?? service;
        }

        static int? Kept(ServiceSpec? before, ServicePort port, HashSet<int> used)
        {
            var kept = before?.Ports.FirstOrDefault(p => p.Name == port.Name && p.Port == port.Port)?.NodePort;
            if (kept is { } k && used.Add(k))
            {
                return k;
            }

            return null;
        }

        static int? Take(HashSet<int> used, ProxyHostPorts? hostPorts)
        {
            var port = ServiceAddressAllocator.NextNodePort(used, hostPorts is null ? null : hostPorts.TryReserve);
            if (port is { } p)
            {
                used.Add(p);
            }

            return port;
        }
    }

    private void WriteEndpoints(ObjectKey key, Endpoints desired)
    {
        var current = Store.Get<Endpoints>(key);
        if (current is null)
        {
            try
            {
                Store.Create(desired);
            }
            catch (AlreadyExistsException)
            {
                throw new ConflictException(key, $"endpoints \"{key.Name}\" was created concurrently");
            }

            return;
        }

        if (current.Addresses.Equals(desired.Addresses) && current.NotReadyAddresses.Equals(desired.NotReadyAddresses) && current.Metadata.OwnerReferences.Equals(desired.Metadata.OwnerReferences))
        {
            return;
        }

        Store.Update(desired with { Metadata = desired.Metadata with { ResourceVersion = current.Metadata.ResourceVersion, Uid = current.Metadata.Uid } });
        LogEndpointsChanged(Logger, key.Display, desired.Addresses.Count, desired.NotReadyAddresses.Count);
    }

    private void DeleteEndpoints(ObjectKey key)
    {
        try
        {
            Store.Delete(key);
        }
        catch (NotFoundException)
        {
        }
    }

    private void SetCondition(Service service, IReadOnlyList<Pod> pods, Endpoints endpoints)
    {
        var selector = string.Join(",", service.Spec.Selector.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        var condition = endpoints.Addresses.Count > 0
            ? new Condition(ServiceConditionType.EndpointsReady, ConditionStatus.True, ServiceConditionType.ReadyEndpointsReason,
                string.Create(CultureInfo.InvariantCulture, $"{endpoints.Addresses.Count} ready endpoint(s)"), Time.GetUtcNow())
            : pods.Count == 0
                ? new Condition(ServiceConditionType.EndpointsReady, ConditionStatus.False, ServiceConditionType.NoMatchingPodsReason,
                    $"selector {selector} matches no pods; the service has no endpoints", Time.GetUtcNow())
                : new Condition(ServiceConditionType.EndpointsReady, ConditionStatus.False, ServiceConditionType.NoReadyPodsReason,
                    string.Create(CultureInfo.InvariantCulture, $"{pods.Count} pod(s) match selector {selector}, none is ready"), Time.GetUtcNow());
        SetServiceCondition(service.Key, condition);
    }

    private void SetServiceCondition(ObjectKey key, Condition condition) => ServiceConditions.Set(Store, key, condition);

    [LoggerMessage(EventId = 2601, Level = LogLevel.Information, Message = "Service {Service}: cluster IP {ClusterIP}")]
    private static partial void LogAllocated(ILogger logger, string service, string clusterIP);

    [LoggerMessage(EventId = 2602, Level = LogLevel.Debug, Message = "Endpoints {Service}: {Ready} ready, {NotReady} not ready")]
    private static partial void LogEndpointsChanged(ILogger logger, string service, int ready, int notReady);
}

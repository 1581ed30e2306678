using System.Collections.Concurrent;
using Microsoft.Extensions.Primitives;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Networking;

/// <summary>
/// Reads services and their endpoints from the store; round-robin per service and port. Change tokens fire on the
/// shared Service and Endpoints informers' changes of the service.
/// </summary>
internal sealed class ServiceDiscovery : IServiceDiscovery, IDisposable
{
    private const string DefaultNamespace = "default";
    private readonly ResourceStore _store;
    private readonly ISharedInformerFactory _informers;
    private readonly ConcurrentDictionary<(ObjectKey, string?), int> _next = new();
    private readonly ConcurrentDictionary<ObjectKey, CancellationTokenSource> _tokens = new();
    private readonly Lock _gate = new();
    private List<IInformerRegistration>? _registrations;

    public ServiceDiscovery(ResourceStore store, ISharedInformerFactory informers)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(informers);
        _store = store;
        _informers = informers;
    }

    public ValueTask<IReadOnlyList<ResolvedEndpoint>> ResolveAsync(string serviceName, string? portName = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Resolve(KeyOf(serviceName), portName));
    }

    public ValueTask<ResolvedEndpoint?> PickAsync(string serviceName, string? portName = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var key = KeyOf(serviceName);
        var endpoints = Resolve(key, portName);
        if (endpoints.Count == 0)
        {
            return ValueTask.FromResult<ResolvedEndpoint?>(null);
        }

        var turn = _next.AddOrUpdate((key, portName), 0, (_, n) => unchecked(n + 1));
        return ValueTask.FromResult<ResolvedEndpoint?>(endpoints[(int)((uint)turn % (uint)endpoints.Count)]);
    }

    public IChangeToken GetChangeToken(string serviceName)
    {
        var key = KeyOf(serviceName);
        Follow();
        return new CancellationChangeToken(_tokens.GetOrAdd(key, _ => new CancellationTokenSource()).Token);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var r in _registrations ?? [])
            {
                r.Dispose();
            }

            _registrations = [];
        }
    }

    /// <summary>Registers the handlers that fire the change tokens, once.</summary>
    private void Follow()
    {
        lock (_gate)
        {
            _registrations ??=
            [
                _informers.For<Service>().AddEventHandler(OnChange<Service>()),
                _informers.For<Endpoints>().AddEventHandler(OnChange<Endpoints>()),
            ];
        }
    }

    /// <summary>A change of a service or its endpoints; the objects that existed before (initial adds) are no change.</summary>
    private ResourceEventHandler<T> OnChange<T>()
        where T : Resource => new()
    {
        Added = (obj, initial) =>
        {
            if (!initial)
            {
                Changed(obj);
            }
        },
        Updated = (_, obj) => Changed(obj),
        Deleted = Changed,
    };

    private void Changed(Resource obj)
    {
        // Not disposed: a holder of the token may still register on it (and is then called at once).
        if (_tokens.TryRemove(obj.Key with { Kind = Service.KindName }, out var changed))
        {
            changed.Cancel();
        }
    }

    /// <summary>The service key of a name: "web", "web.ns", "web.ns.svc", "web.ns.svc.cluster.local".</summary>
    internal static ObjectKey KeyOf(string serviceName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        var name = serviceName.Trim().TrimEnd('.');
        foreach (var suffix in (string[])[".svc.cluster.local", ".svc"])
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^suffix.Length];
            }
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot < 0
            ? new ObjectKey(Service.KindName, DefaultNamespace, name.ToLowerInvariant())
            : new ObjectKey(Service.KindName, name[(dot + 1)..].ToLowerInvariant(), name[..dot].ToLowerInvariant());
    }

    private IReadOnlyList<ResolvedEndpoint> Resolve(ObjectKey key, string? portName)
    {
        var service = _store.Get<Service>(key);
        var endpoints = _store.Get<Endpoints>(key with { Kind = Endpoints.KindName });
        if (service is null || endpoints is null || service.Spec.Ports.Count == 0)
        {
            return [];
        }

        var port = portName is null ? service.Spec.Ports[0] : service.Spec.Ports.FirstOrDefault(p => p.Name == portName);
        if (port is null)
        {
            return [];
        }

        var result = new List<ResolvedEndpoint>(endpoints.Addresses.Count);
        foreach (var address in endpoints.Addresses)
        {
            if (address.Ports.FirstOrDefault(p => p.Name == port.Name) is { } resolved)
            {
                result.Add(new ResolvedEndpoint(key.Name, address.PodName, address.NodeName, address.IP, resolved.Port));
            }
        }

        return result;
    }
}

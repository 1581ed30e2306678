using System.Collections.Concurrent;
using Microsoft.Extensions.Primitives;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Networking;

/// <summary>Reads services and their endpoints from the store; round-robin per service and port.</summary>
internal sealed class ServiceDiscovery : IServiceDiscovery, IDisposable
{
    private const string DefaultNamespace = "default";
    private readonly ResourceStore _store;
    private readonly ConcurrentDictionary<(ObjectKey, string?), int> _next = new();
    private readonly CancellationTokenSource _stopping = new();

    public ServiceDiscovery(ResourceStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
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
        var changed = new CancellationTokenSource();
        var version = _store.Version;
        var baseline = Fingerprint(key);
        _ = SignalChangeAsync(key, version, baseline, changed);
        return new CancellationChangeToken(changed.Token);
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
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

    private (long, long) Fingerprint(ObjectKey key) =>
        (_store.Get<Service>(key)?.Metadata.ResourceVersion ?? 0,
         _store.Get<Endpoints>(key with { Kind = Endpoints.KindName })?.Metadata.ResourceVersion ?? 0);

    private async Task SignalChangeAsync(ObjectKey key, long version, (long, long) baseline, CancellationTokenSource changed)
    {
        try
        {
            while (true)
            {
                await _store.WaitForChangeAsync(version, _stopping.Token).ConfigureAwait(false);
                version = _store.Version;
                if (Fingerprint(key) != baseline)
                {
                    await changed.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }
}

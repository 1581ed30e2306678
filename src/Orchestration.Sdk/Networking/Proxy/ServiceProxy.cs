using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestration.Sdk.Hosting;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Runtime.NodeAgents;

namespace Orchestration.Sdk.Networking.Proxy;

/// <summary>
/// The service proxy of a runtime without virtual cluster IPs, in the style of kube-proxy's userspace mode: every
/// service port listens on the one service address containers reach (the app network's gateway on Docker), every host
/// port of a host-reachable service on <see cref="ServiceProxyOptions.HostAddress"/>; each new connection goes to the
/// next ready endpoint. It follows the Service and Endpoints informers (a pod write does not wake it), writes a service's <see cref="ServiceConditionType.Listening"/>
/// condition, keeps the pods' hosts files naming every service, and holds a terminating pod's SIGTERM until no new
/// connection can reach it and its open ones are finished.
/// </summary>
internal sealed class ServiceProxy(
    ResourceStore store, ISharedInformerFactory informers, IServiceNetwork network, TimeProvider time, IOptions<ServiceProxyOptions> options, ILogger<ServiceProxy> logger)
    : IClusterComponent, IPodTerminationGate
{
    private static readonly TimeSpan AddressRetryDelay = TimeSpan.FromSeconds(1);
    private readonly ProxyConnections _connections = new();
    private readonly Dictionary<ListenerKey, ProxyListener> _listeners = [];
    private readonly ServiceProxyOptions _options = options.Value;
    private volatile ProxyBackends[] _backends = [];
    private volatile IPEndPoint[] _listeningOn = [];
    private IReadOnlyList<HostAlias>? _publishedHosts;

    public string Name => "service-proxy";

    /// <summary>The address services listen on, once known.</summary>
    public string? ServiceAddress { get; private set; }

    /// <summary>Where each service port listens now (for tests and diagnostics).</summary>
    internal IReadOnlyList<IPEndPoint> ListeningOn => _listeningOn;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var changes = new InformerChangeSignal().Follow(informers.For<Service>()).Follow(informers.For<Endpoints>());
        var address = await GetAddressAsync(stoppingToken).ConfigureAwait(false);
        ServiceAddress = address;
        try
        {
            var serviceAddress = IPAddress.Parse(address);
            await changes.WaitForSyncAsync(stoppingToken).ConfigureAwait(false);
            while (true)
            {
                // Only a service or endpoints change wakes the loop, or the retry interval while a port is left to bind.
                var complete = await SyncAsync(serviceAddress, stoppingToken).ConfigureAwait(false);
                await changes.WaitAsync(complete ? null : _options.ListenRetryInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
        finally
        {
            foreach (var listener in _listeners.Values)
            {
                await listener.DisposeAsync().ConfigureAwait(false);
            }

            _listeners.Clear();
            _backends = [];
            _listeningOn = [];
            _connections.Signal();
        }
    }

    public async Task WaitUntilDrainedAsync(Pod pod, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pod);
        if (pod.Status.PodIP is not { } ip || !IPAddress.TryParse(ip, out var address))
        {
            return;
        }

        var waited = false;
        while (true)
        {
            var next = _connections.NextChange;
            if (!_backends.Any(b => b.Current.Any(e => e.Address.Equals(address))) && _connections.Count(ip) == 0)
            {
                if (waited)
                {
                    ServiceProxyLog.Drained(logger, pod.Key.Display, ip, true);
                }

                return;
            }

            waited = true;
            await next.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<string> GetAddressAsync(CancellationToken ct)
    {
        while (true)
        {
            try
            {
                return await network.GetServiceAddressAsync(ct).ConfigureAwait(false);
            }
            catch (ContainerRuntimeException e)
            {
                ServiceProxyLog.ListenFailed(logger, "all services", "the service address", e.Message);
                await Task.Delay(AddressRetryDelay, time, ct).ConfigureAwait(false);
            }
        }
    }

    /// <returns>Whether every port listens and the hosts files are published (nothing to retry).</returns>
    private async Task<bool> SyncAsync(IPAddress address, CancellationToken ct)
    {
        var services = informers.For<Service>().List()
            .Where(s => s.Metadata.DeletionTimestamp is null)
            .OrderBy(s => s.Metadata.CreationTimestamp).ThenBy(s => s.Metadata.Name, StringComparer.Ordinal)
            .ToList();
        var endpoints = informers.For<Endpoints>();
        var wanted = ProxyPlan.Build(services, s => endpoints.Get(s.Metadata.Name, s.Metadata.Namespace), address, IPAddress.Parse(_options.HostAddress));
        // A port that clashes now (an older service moved onto it) gives up its listener too, so the older one can bind.
        foreach (var (key, listener) in _listeners.Where(l => !wanted.Ports.TryGetValue(l.Key, out var p) || p.Clash is not null).ToList())
        {
            _listeners.Remove(key);
            await listener.DisposeAsync().ConfigureAwait(false);
            ServiceProxyLog.Closed(logger, listener.Service, listener.EndPoint.ToString());
        }

        var failures = new Dictionary<ObjectKey, List<string>>();
        foreach (var (key, port) in wanted.Ports)
        {
            if (port.Clash is { } clash)
            {
                Fail(failures, port.Service, clash);
                continue;
            }

            if (!_listeners.TryGetValue(key, out var listener))
            {
                try
                {
                    listener = ProxyListener.Start(key.EndPoint, port.Display, new ProxyBackends(_connections), _options.ConnectTimeout, logger, time);
                    _listeners[key] = listener;
                    ServiceProxyLog.Listening(logger, port.Display, key.EndPoint.ToString());
                }
                catch (SocketException e)
                {
                    var message = InUseMessage(key.EndPoint, e);
                    ServiceProxyLog.ListenFailed(logger, port.Display, key.EndPoint.ToString(), message);
                    Fail(failures, port.Service, message);
                    continue;
                }
            }

            listener.Backends.Set(port.Backends);
        }

        _backends = [.. _listeners.Values.Select(l => l.Backends)];
        _listeningOn = [.. _listeners.Values.Select(l => l.EndPoint)];
        _connections.Signal();
        var retry = failures.Count > 0;
        foreach (var service in services.Where(s => s.Spec.Ports.Count > 0))
        {
            foreach (var port in service.Spec.Ports.Where(p => p.Protocol != "TCP"))
            {
                Fail(failures, service.Key, string.Create(CultureInfo.InvariantCulture, $"port {port.Port}/{port.Protocol} is not proxied: the service proxy handles TCP only"));
            }

            SetCondition(service.Key, failures.GetValueOrDefault(service.Key));
        }

        var published = await PublishHostsAsync(services, s => endpoints.Get(s.Metadata.Name, s.Metadata.Namespace), ct).ConfigureAwait(false);
        return published && !retry;
    }

    private async Task<bool> PublishHostsAsync(IReadOnlyList<Service> services, Func<Service, Endpoints?> endpointsOf, CancellationToken ct)
    {
        var hosts = ServiceHosts.For(services, endpointsOf);
        if (_publishedHosts is { } published && published.Count == hosts.Count &&
            published.Zip(hosts).All(p => p.First.IP == p.Second.IP && p.First.HostNames.SequenceEqual(p.Second.HostNames)))
        {
            return true;
        }

        try
        {
            await network.PublishHostsAsync(hosts, ct).ConfigureAwait(false);
            _publishedHosts = hosts;
            return true;
        }
        catch (ContainerRuntimeException e)
        {
            ServiceProxyLog.PublishHostsFailed(logger, e);
            return false;
        }
    }

    private static string InUseMessage(IPEndPoint endPoint, SocketException e)
    {
        if (e.SocketErrorCode != SocketError.AddressAlreadyInUse)
        {
            return $"cannot listen on {endPoint}: {e.Message}";
        }

        var holder = PortHolder.Describe(endPoint) ?? "another process";
        return string.Create(CultureInfo.InvariantCulture, $"port {endPoint.Port} on {endPoint.Address} is already in use by {holder}");
    }

    private static void Fail(Dictionary<ObjectKey, List<string>> failures, ObjectKey service, string message)
    {
        if (!failures.TryGetValue(service, out var list))
        {
            failures[service] = list = [];
        }

        list.Add(message);
    }

    private void SetCondition(ObjectKey key, List<string>? failures)
    {
        var condition = failures is null
            ? new Condition(ServiceConditionType.Listening, ConditionStatus.True, ServiceConditionType.ListeningReason, null, time.GetUtcNow())
            : new Condition(ServiceConditionType.Listening, ConditionStatus.False, ServiceConditionType.PortInUseReason, string.Join("; ", failures), time.GetUtcNow());
        ServiceConditions.Set(store, key, condition);
    }
}

using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Networking;
using Orchestration.Sdk.Networking.Proxy;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Tests.Fixtures;
using Orchestration.Sdk.Tests.Runtime;

namespace Orchestration.Sdk.Tests.Networking.Proxy;

/// <summary>
/// A store and a running <see cref="ServiceProxy"/> on loopback (service address 127.0.0.1), with echo backends on
/// 127.0.0.2, 127.0.0.3, ... so each backend has its own address, as pods do. No Docker, no controllers: the tests write
/// the services and endpoints themselves.
/// </summary>
internal sealed class ProxyHarness : IAsyncDisposable
{
    public const string ServiceAddress = "127.0.0.1";
    private readonly HarnessFixture _fixture;
    private readonly List<EchoServer> _servers = [];
    private int _markers;

    public ProxyHarness()
    {
        _fixture = new HarnessFixture(Time);
        Proxy = new ServiceProxy(Store, Informers, Network, Time, Options.Create(ProxyOptions), NullLogger<ServiceProxy>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(AgentHarness.Start);

    public ResourceStore Store => _fixture.Store;

    public SharedInformerFactory Informers => _fixture.Informers;

    public FakeServiceNetwork Network { get; } = new(ServiceAddress);

    public ServiceProxyOptions ProxyOptions { get; } = new();

    public ServiceProxy Proxy { get; }

    /// <summary>A port nobody listens on right now (bound to port 0 and released).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, bool> HandedOut = new();

    /// <summary>A port free now and never handed out before in this process (the kernel may give a just-freed port again).</summary>
    public static int FreePort(string address = ServiceAddress)
    {
        while (true)
        {
            var probe = new TcpListener(IPAddress.Parse(address), 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            if (HandedOut.TryAdd(port, true))
            {
                return port;
            }
        }
    }

    public void Start() => _fixture.Run(Proxy.RunAsync);

    /// <summary>Starts echo backends named <paramref name="names"/> on 127.0.0.2, 127.0.0.3, ...</summary>
    public EchoServer[] Backends(params string[] names)
    {
        var servers = names.Select((n, i) => new EchoServer(n, $"127.0.0.{_servers.Count + i + 2}")).ToArray();
        _servers.AddRange(servers);
        return servers;
    }

    /// <summary>Creates a service with one TCP port named "http" on a free port; the cluster IP is the service address.</summary>
    public Service CreateService(string name, int? port = null, ServiceType type = ServiceType.ClusterIP, int? hostPort = null) =>
        Store.Create(new Service
        {
            Metadata = new ObjectMeta { Name = name },
            Spec = new ServiceSpec
            {
                Type = type,
                ClusterIP = ServiceAddress,
                Ports = [new ServicePort { Name = "http", Port = port ?? FreePort(), TargetPortName = "http", NodePort = hostPort }],
            },
        });

    public static IPEndPoint ServiceEndPoint(Service service) =>
        new(IPAddress.Parse(ServiceAddress), service.Spec.Ports[0].Port);

    /// <summary>Writes the service's endpoints: <paramref name="ready"/> as ready addresses, <paramref name="notReady"/> as not ready.</summary>
    public void SetEndpoints(string service, IEnumerable<EchoServer> ready, IEnumerable<EchoServer>? notReady = null)
    {
        var key = new ObjectKey(Endpoints.KindName, "default", service);
        var addresses = ready.Select(s => Address(s, true)).ToList();
        var unready = (notReady ?? []).Select(s => Address(s, false)).ToList();
        if (Store.Get<Endpoints>(key) is null)
        {
            Store.Create(new Endpoints { Metadata = new ObjectMeta { Name = service }, Addresses = addresses, NotReadyAddresses = unready });
        }
        else
        {
            Store.Mutate<Endpoints>(key, e => e with { Addresses = addresses, NotReadyAddresses = unready });
        }
    }

    public static EndpointAddress Address(EchoServer server, bool ready) => new()
    {
        PodName = server.Name,
        NodeName = "n1",
        IP = server.IP,
        Ready = ready,
        Ports = [new EndpointPort("http", server.EndPoint.Port)],
    };

    public Condition? Listening(string service) =>
        Store.Get<Service>(new ObjectKey(Service.KindName, "default", service))?.Status.Conditions.Find(ServiceConditionType.Listening);

    /// <summary>Waits until the proxy wrote the service's Listening condition and it satisfies <paramref name="condition"/>.</summary>
    public Task<Condition?> WaitForListeningAsync(string service, Func<Condition, bool> condition, string what) =>
        _fixture.WaitForAsync(() => Listening(service), c => c is not null && condition(c), $"service {service}: {what}", c => c?.ToString() ?? "no Listening condition");

    /// <summary>Waits until the service listens (its Listening condition is True).</summary>
    public Task WaitListeningAsync(string service) => WaitForListeningAsync(service, c => c.IsTrue, "listening");

    /// <summary>
    /// A barrier: creates a marker service and waits until the proxy listens for it, so every store change made before
    /// this call has been applied by the proxy (it reads the whole store in one sync).
    /// </summary>
    public async Task SyncedAsync()
    {
        // The proxy reads the Endpoints informer: once it holds the store's endpoints, the sync the marker wakes sees them.
        await _fixture.InformerCaughtUpAsync<Endpoints>();
        var marker = $"marker-{Interlocked.Increment(ref _markers)}";
        CreateService(marker);
        await WaitListeningAsync(marker);
    }

    public async ValueTask DisposeAsync()
    {
        await _fixture.DisposeAsync();
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }
    }
}

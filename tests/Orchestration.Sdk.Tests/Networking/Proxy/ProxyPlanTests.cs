using System.Net;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Networking;
using Orchestration.Sdk.Networking.Proxy;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Tests.Runtime;

namespace Orchestration.Sdk.Tests.Networking.Proxy;

public sealed class ProxyPlanTests
{
    private static readonly IPAddress ServiceAddress = IPAddress.Parse("172.18.0.1");
    private static readonly IPAddress HostAddress = IPAddress.Loopback;
    private readonly FakeTimeProvider _time = new(AgentHarness.Start);
    private readonly ResourceStore _store;

    public ProxyPlanTests() => _store = new ResourceStore(_time);

    [Fact]
    public void Build_ServicePort_ListensOnTheServiceAddressWithTheReadyEndpointsInOrder()
    {
        var web = Service("web", new ServicePort { Name = "http", Port = 80 });
        Endpoints("web",
            [Address("web-a", "10.0.0.1", true, new EndpointPort("http", 8080)), Address("web-b", "10.0.0.2", true, new EndpointPort("http", 8081))],
            [Address("web-c", "10.0.0.3", false, new EndpointPort("http", 8080))]);

        var plan = Build(web);

        var (key, port) = Assert.Single(plan.Ports);
        Assert.Equal(new ListenerKey(new IPEndPoint(ServiceAddress, 80), web.Metadata.Uid, "http"), key);
        Assert.Equal(web.Key, port.Service);
        Assert.Equal("default/web:http", port.Display);
        Assert.Null(port.Clash);
        Assert.Equal([IPEndPoint.Parse("10.0.0.1:8080"), IPEndPoint.Parse("10.0.0.2:8081")], port.Backends);
    }

    [Fact]
    public void Build_NoEndpointsObject_ListensWithoutBackends()
    {
        var web = Service("web", new ServicePort { Port = 80 });

        var port = Assert.Single(Build(web).Ports);

        Assert.Equal("80", port.Key.Port);
        Assert.Equal("default/web:80", port.Value.Display);
        Assert.Empty(port.Value.Backends);
    }

    [Theory]
    [InlineData("http", "TCP", "10.0.0.1", true)]
    [InlineData("metrics", "TCP", "10.0.0.1", false)] // the address has no port of that name
    [InlineData("http", "UDP", "10.0.0.1", false)] // same name, other protocol
    [InlineData("http", "TCP", "not-an-ip", false)]
    public void Build_EndpointPort_BackendOnlyWhenNameProtocolAndAddressFit(string name, string protocol, string ip, bool backend)
    {
        var web = Service("web", new ServicePort { Name = "http", Port = 80 });
        Endpoints("web", [Address("web-a", ip, true, new EndpointPort(name, 8080, protocol))]);

        var port = Assert.Single(Build(web).Ports).Value;

        Assert.Equal(backend ? 1 : 0, port.Backends.Length);
    }

    [Fact]
    public void Build_TwoPorts_EachGetsItsOwnTargetPort()
    {
        var web = Service("web", new ServicePort { Name = "http", Port = 80 }, new ServicePort { Name = "admin", Port = 9000 });
        Endpoints("web", [Address("web-a", "10.0.0.1", true, new EndpointPort("http", 8080), new EndpointPort("admin", 9090))]);

        var plan = Build(web);

        Assert.Equal([IPEndPoint.Parse("10.0.0.1:8080")], plan.Ports.Single(p => p.Key.Port == "http").Value.Backends);
        Assert.Equal([IPEndPoint.Parse("10.0.0.1:9090")], plan.Ports.Single(p => p.Key.Port == "admin").Value.Backends);
    }

    [Fact]
    public void Build_UdpPort_NoListener()
    {
        var dns = Service("dns", new ServicePort { Name = "dns", Port = 53, Protocol = "UDP" });

        Assert.Empty(Build(dns).Ports);
    }

    [Theory]
    [InlineData(ServiceType.NodePort, 30080, true)]
    [InlineData(ServiceType.NodePort, null, false)] // no host port allocated yet
    [InlineData(ServiceType.ClusterIP, null, false)] // a node port on a ClusterIP service is refused by the store (ServiceRule)
    public void Build_HostPort_ListensOnTheHostAddressOnlyForNodePortServices(ServiceType type, int? nodePort, bool hostListener)
    {
        var web = Service("web", type, new ServicePort { Name = "http", Port = 80, NodePort = nodePort });
        Endpoints("web", [Address("web-a", "10.0.0.1", true, new EndpointPort("http", 8080))]);

        var plan = Build(web);

        var host = plan.Ports.Where(p => p.Key.Port == "host:http").ToList();
        Assert.Equal(hostListener ? 1 : 0, host.Count);
        if (hostListener)
        {
            Assert.Equal(new IPEndPoint(HostAddress, 30080), host[0].Key.EndPoint);
            Assert.Equal([IPEndPoint.Parse("10.0.0.1:8080")], host[0].Value.Backends);
        }
    }

    [Fact]
    public void Build_TwoServicesOnOnePort_TheLaterInTheListGetsTheClash()
    {
        var a = Service("a", new ServicePort { Port = 80 });
        var b = Service("b", new ServicePort { Port = 80 });

        var plan = Build(b, a);

        Assert.Null(plan.Ports.Single(p => p.Value.Service == b.Key).Value.Clash);
        Assert.Equal("port 80 on 172.18.0.1 is already used by service default/b", plan.Ports.Single(p => p.Value.Service == a.Key).Value.Clash);
    }

    [Fact]
    public void Build_HostPortSameNumberAsAServicePort_NoClash()
    {
        var a = Service("a", new ServicePort { Port = 30080 });
        var b = Service("b", ServiceType.NodePort, new ServicePort { Port = 80, NodePort = 30080 });

        var plan = Build(a, b);

        Assert.Equal(3, plan.Ports.Count);
        Assert.All(plan.Ports.Values, p => Assert.Null(p.Clash));
    }

    private ProxyPlan Build(params Service[] services) => ProxyPlan.Build(services, s => _store.Get<Sdk.Networking.Endpoints>(new ObjectKey(Sdk.Networking.Endpoints.KindName, s.Metadata.Namespace, s.Metadata.Name)), ServiceAddress, HostAddress);

    private Service Service(string name, params ServicePort[] ports) => Service(name, ServiceType.ClusterIP, ports);

    private Service Service(string name, ServiceType type, params ServicePort[] ports) =>
        _store.Create(new Service { Metadata = new ObjectMeta { Name = name }, Spec = new ServiceSpec { Type = type, Ports = ports } });

    private void Endpoints(string name, IReadOnlyList<EndpointAddress> ready, IReadOnlyList<EndpointAddress>? notReady = null) =>
        _store.Create(new Endpoints { Metadata = new ObjectMeta { Name = name }, Addresses = ready, NotReadyAddresses = notReady ?? [] });

    private static EndpointAddress Address(string pod, string ip, bool ready, params EndpointPort[] ports) =>
        new() { PodName = pod, NodeName = "n1", IP = ip, Ready = ready, Ports = ports };
}

using Orchestration.Sdk.Model;
using Orchestration.Sdk.Networking;
using Orchestration.Sdk.Tests.Runtime;

namespace Orchestration.Sdk.Tests.Networking.Proxy;

public sealed class ServiceHostsTests
{
    [Theory]
    [InlineData("web", "default", "web web.default web.default.svc web.default.svc.cluster.local")]
    [InlineData("api", "shop", "api api.shop api.shop.svc api.shop.svc.cluster.local")]
    public void NamesOf_Service_TheClusterDnsNames(string name, string ns, string expected) =>
        Assert.Equal(expected.Split(' '), ServiceHosts.NamesOf(Service(name, ns, "10.96.0.10")));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("None")] // headless
    public void For_ServiceWithoutClusterIP_NoEntry(string? clusterIP) =>
        Assert.Empty(ServiceHosts.For([Service("web", "default", clusterIP)]));

    [Fact]
    public void For_TerminatingService_NoEntry() =>
        Assert.Empty(ServiceHosts.For([Service("web", "default", "10.96.0.10") with { Metadata = new ObjectMeta { Name = "web", DeletionTimestamp = AgentHarness.Start } }]));

    [Fact]
    public void For_ServicesSharingAnAddress_OneEntryNamingAllOrderedByNamespaceThenName()
    {
        var hosts = ServiceHosts.For([Service("web", "shop", "172.18.0.1"), Service("web", "default", "172.18.0.1"), Service("api", "shop", "172.18.0.1")]);

        var entry = Assert.Single(hosts);
        Assert.Equal("172.18.0.1", entry.IP);
        Assert.Equal(
            ["web", "web.default", "web.default.svc", "web.default.svc.cluster.local",
             "api", "api.shop", "api.shop.svc", "api.shop.svc.cluster.local",
             "web", "web.shop", "web.shop.svc", "web.shop.svc.cluster.local"],
            entry.HostNames);
    }

    [Fact]
    public void For_ServicesWithTheirOwnAddresses_OneEntryEach()
    {
        var hosts = ServiceHosts.For([Service("web", "default", "10.96.0.11"), Service("api", "default", "10.96.0.10")]);

        Assert.Equal(["10.96.0.10", "10.96.0.11"], hosts.Select(h => h.IP));
        Assert.Equal("api", hosts[0].HostNames[0]);
        Assert.Equal("web", hosts[1].HostNames[0]);
    }

    [Fact]
    public void For_HeadlessServiceWithReadyEndpoints_EachPodByNameAndTheServiceToTheFirst()
    {
        var db = Service("db", "default", ServiceSpec.ClusterIPNone);
        var endpoints = new Endpoints
        {
            Metadata = new ObjectMeta { Name = "db" },
            Addresses =
            [
                new EndpointAddress { PodName = "db-1", NodeName = "n", IP = "172.18.0.6", Ready = true },
                new EndpointAddress { PodName = "db-0", NodeName = "n", IP = "172.18.0.5", Ready = true },
            ],
            NotReadyAddresses = [new EndpointAddress { PodName = "db-2", NodeName = "n", IP = "172.18.0.7" }],
        };

        var hosts = ServiceHosts.For([db, Service("web", "default", "172.18.0.1")], s => s.Metadata.Name == "db" ? endpoints : null);

        Assert.Equal(["172.18.0.5", "172.18.0.6", "172.18.0.1"], hosts.Select(h => h.IP));
        Assert.Equal(["db-0.db", "db-0.db.default", "db-0.db.default.svc", "db-0.db.default.svc.cluster.local", "db", "db.default", "db.default.svc", "db.default.svc.cluster.local"], hosts[0].HostNames);
        Assert.Equal("db-1.db", hosts[1].HostNames[0]);
        Assert.DoesNotContain(hosts, h => h.HostNames.Any(n => n.StartsWith("db-2", StringComparison.Ordinal))); // not ready: no name
    }

    private static Service Service(string name, string ns, string? clusterIP) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = ns },
        Spec = new ServiceSpec { ClusterIP = clusterIP, Ports = [new ServicePort { Port = 80 }] },
    };
}

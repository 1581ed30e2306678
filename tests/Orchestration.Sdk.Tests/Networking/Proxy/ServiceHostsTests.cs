using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Networking;
using Orchestration.Sdk.Store;
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
    public void For_StoreAndNamespace_OnlyThatNamespacesServices()
    {
        var store = new ResourceStore(new FakeTimeProvider(AgentHarness.Start));
        store.Create(Service("web", "default", "10.96.0.10"));
        store.Create(Service("api", "other", "10.96.0.11"));

        var entry = Assert.Single(ServiceHosts.For(store, "default"));

        Assert.Equal("10.96.0.10", entry.IP);
        Assert.Equal("web", entry.HostNames[0]);
    }

    private static Service Service(string name, string ns, string? clusterIP) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = ns },
        Spec = new ServiceSpec { ClusterIP = clusterIP, Ports = [new ServicePort { Port = 80 }] },
    };
}

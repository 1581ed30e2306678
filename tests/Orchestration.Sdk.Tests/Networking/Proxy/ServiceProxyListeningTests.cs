using System.Net;
using System.Net.Sockets;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Networking;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Tests.Runtime;

namespace Orchestration.Sdk.Tests.Networking.Proxy;

/// <summary>The service proxy's listeners, the Listening condition it writes and the host names it publishes.</summary>
public sealed class ServiceProxyListeningTests : IAsyncDisposable
{
    private readonly ProxyHarness _h = new();

    public ValueTask DisposeAsync() => _h.DisposeAsync();

    [Theory]
    [InlineData("a", "b")]
    [InlineData("b", "a")]
    public async Task Sync_TwoServicesOnOnePort_YoungerIsNotListeningAndNamesTheOlder(string older, string younger)
    {
        var port = ProxyHarness.FreePort();
        _h.CreateService(older, port);
        _h.Time.Advance(TimeSpan.FromSeconds(1));
        _h.CreateService(younger, port);
        _h.Start();

        var condition = await _h.WaitForListeningAsync(younger, c => !c.IsTrue, "not listening");

        Assert.Equal(ConditionStatus.False, condition!.Status);
        Assert.Equal(ServiceConditionType.PortInUseReason, condition.Reason);
        Assert.Equal($"port {port} on 127.0.0.1 is already used by service default/{older}", condition.Message);
        Assert.Equal(ConditionStatus.True, _h.Listening(older)!.Status);
        Assert.Equal(ServiceConditionType.ListeningReason, _h.Listening(older)!.Reason);
    }

    [Fact]
    public async Task Sync_OlderServiceOnTheSamePortDeleted_YoungerTakesThePortOver()
    {
        var port = ProxyHarness.FreePort();
        var backends = _h.Backends("b-1");
        _h.CreateService("a", port);
        _h.Time.Advance(TimeSpan.FromSeconds(1));
        var b = _h.CreateService("b", port);
        _h.SetEndpoints("b", backends);
        _h.Start();
        await _h.WaitForListeningAsync("b", c => !c.IsTrue, "not listening");

        _h.Store.Delete(new ObjectKey(Service.KindName, "default", "a"));

        await _h.WaitListeningAsync("b");
        Assert.Equal("b-1", await ProxyClient.AskAsync(ProxyHarness.ServiceEndPoint(b)));
    }

    [Fact]
    public async Task Sync_OlderServiceMovesOntoAYoungerOnesPort_OlderTakesItOver()
    {
        var port = ProxyHarness.FreePort();
        var backends = _h.Backends("a-1", "b-1");
        _h.CreateService("a");
        _h.Time.Advance(TimeSpan.FromSeconds(1));
        var b = _h.CreateService("b", port);
        _h.SetEndpoints("a", [backends[0]]);
        _h.SetEndpoints("b", [backends[1]]);
        _h.Start();
        await _h.WaitListeningAsync("a");
        await _h.WaitListeningAsync("b");

        _h.Store.Mutate<Service>(new ObjectKey(Service.KindName, "default", "a"), s => s with
        {
            Spec = s.Spec with { Ports = [s.Spec.Ports[0] with { Port = port }] },
        });

        var condition = await _h.WaitForListeningAsync("b", c => !c.IsTrue, "not listening");
        Assert.Equal($"port {port} on 127.0.0.1 is already used by service default/a", condition!.Message);
        Assert.Equal(ConditionStatus.True, _h.Listening("a")!.Status);
        Assert.Equal("a-1", await ProxyClient.AskAsync(ProxyHarness.ServiceEndPoint(b)));
    }

    [Fact]
    public async Task Sync_HostPortHeldByAnotherSocket_NotListeningNamesThisProcess()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var hostPort = ((IPEndPoint)holder.LocalEndpoint).Port;
        _h.CreateService("web", type: ServiceType.NodePort, hostPort: hostPort);
        _h.Start();

        var condition = await _h.WaitForListeningAsync("web", c => !c.IsTrue, "not listening");

        Assert.Equal(ServiceConditionType.PortInUseReason, condition!.Reason);
        Assert.Contains($"port {hostPort} on 127.0.0.1 is already in use by process {Environment.ProcessId} (", condition.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_HostPortFreedLater_ListensAfterTheRetryIntervalWithoutAnyOtherChange()
    {
        var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var hostPort = ((IPEndPoint)holder.LocalEndpoint).Port;
        _h.CreateService("web", type: ServiceType.NodePort, hostPort: hostPort);
        _h.Start();
        await _h.WaitForListeningAsync("web", c => !c.IsTrue, "not listening");

        holder.Stop();

        // Step the clock by the retry interval on every poll: the retry timer may not be registered yet at the first step.
        await AgentHarness.WaitForAsync(
            () =>
            {
                _h.Time.Advance(_h.ProxyOptions.ListenRetryInterval);
                return _h.Listening("web");
            },
            c => c?.IsTrue == true,
            "service web listening once the holder let go");
    }

    [Fact]
    public async Task Sync_UdpPort_ReportedAsNotProxied()
    {
        _h.Store.Create(new Service
        {
            Metadata = new ObjectMeta { Name = "dns", Namespace = "default" },
            Spec = new ServiceSpec { Selector = new Dictionary<string, string> { ["app"] = "dns" }, Ports = [new ServicePort { Port = 53, Protocol = "UDP" }] },
        });
        _h.Start();

        var condition = await _h.WaitForListeningAsync("dns", c => !c.IsTrue, "not listening");

        Assert.Contains("port 53/UDP is not proxied: the service proxy handles TCP only", condition!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_NodePortService_ListensOnTheServicePortAndTheHostPort()
    {
        var backends = _h.Backends("web-a");
        var hostPort = ProxyHarness.FreePort();
        var service = _h.CreateService("web", type: ServiceType.NodePort, hostPort: hostPort);
        _h.SetEndpoints("web", backends);
        _h.Start();
        await _h.WaitListeningAsync("web");

        Assert.Equal("web-a", await ProxyClient.AskAsync(ProxyHarness.ServiceEndPoint(service)));
        Assert.Equal("web-a", await ProxyClient.AskAsync(new IPEndPoint(IPAddress.Loopback, hostPort)));
    }

    [Fact]
    public async Task Sync_ServiceDeleted_StopsListening()
    {
        var backends = _h.Backends("web-a");
        var service = _h.CreateService("web");
        _h.SetEndpoints("web", backends);
        _h.Start();
        await _h.WaitListeningAsync("web");

        _h.Store.Delete(service.Key);
        await _h.SyncedAsync();

        var refused = await Assert.ThrowsAsync<SocketException>(() => ProxyClient.AskAsync(ProxyHarness.ServiceEndPoint(service)));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }

    [Fact]
    public async Task Sync_Services_PublishesEveryClusterDnsNameOfEachService()
    {
        _h.CreateService("web");
        _h.Start();
        await _h.WaitListeningAsync("web");

        var first = await AgentHarnessWait(() => _h.Network.Published.LastOrDefault(), "the hosts published");
        var entry = Assert.Single(first);
        Assert.Equal("127.0.0.1", entry.IP);
        Assert.Equal(["web", "web.default", "web.default.svc", "web.default.svc.cluster.local"], entry.HostNames);

        _h.CreateService("api");
        await _h.WaitListeningAsync("api");

        var second = await AgentHarnessWait(() => _h.Network.Published.LastOrDefault(h => h.Count == 1 && h[0].HostNames.Count == 8), "both services published");
        Assert.Equal(
            ["api", "api.default", "api.default.svc", "api.default.svc.cluster.local", "web", "web.default", "web.default.svc", "web.default.svc.cluster.local"],
            second[0].HostNames);
    }

    private static Task<IReadOnlyList<Sdk.Runtime.HostAlias>> AgentHarnessWait(Func<IReadOnlyList<Sdk.Runtime.HostAlias>?> probe, string what) =>
        Tests.Runtime.AgentHarness.WaitForAsync(probe, h => h is not null, what)!;
}

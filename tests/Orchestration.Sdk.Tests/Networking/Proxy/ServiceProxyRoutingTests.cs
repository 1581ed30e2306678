using Orchestration.Sdk.Model;
using Orchestration.Sdk.Networking;

namespace Orchestration.Sdk.Tests.Networking.Proxy;

/// <summary>The service proxy relays real loopback connections to the service's ready endpoints.</summary>
public sealed class ServiceProxyRoutingTests : IAsyncDisposable
{
    private readonly ProxyHarness _h = new();

    public ValueTask DisposeAsync() => _h.DisposeAsync();

    [Fact]
    public async Task Connect_ThreeReadyBackends_RoundRobinSpreadsNewConnectionsOverAll()
    {
        var backends = _h.Backends("web-a", "web-b", "web-c");
        var service = _h.CreateService("web");
        _h.SetEndpoints("web", backends);
        _h.Start();
        await _h.WaitListeningAsync("web");

        var answers = await ProxyClient.AskManyAsync(ProxyHarness.ServiceEndPoint(service), 6);

        for (var i = 0; i + 3 <= answers.Count; i++)
        {
            Assert.Equal(["web-a", "web-b", "web-c"], answers.Skip(i).Take(3).Order(StringComparer.Ordinal));
        }

        Assert.All(backends, b => Assert.Equal(2, b.Accepted));
    }

    [Fact]
    public async Task Connect_BackendRefuses_SkippedAndEveryConnectionStillServed()
    {
        var backends = _h.Backends("web-a", "web-b", "web-c");
        var service = _h.CreateService("web");
        _h.SetEndpoints("web", backends);
        _h.Start();
        await _h.WaitListeningAsync("web");
        backends[1].StopListening(); // the pod died; its endpoint has not left yet

        var answers = await ProxyClient.AskManyAsync(ProxyHarness.ServiceEndPoint(service), 6);

        Assert.DoesNotContain("web-b", answers);
        Assert.Contains("web-a", answers);
        Assert.Contains("web-c", answers);
        Assert.Equal(6, backends[0].Accepted + backends[2].Accepted);
    }

    [Fact]
    public async Task Connect_NotReadyAddresses_GetNoConnection()
    {
        var backends = _h.Backends("web-a", "web-b", "web-c", "web-d");
        var service = _h.CreateService("web");
        _h.Store.Create(new Endpoints
        {
            Metadata = new ObjectMeta { Name = "web" },
            Addresses = [ProxyHarness.Address(backends[0], true), ProxyHarness.Address(backends[1], false), ProxyHarness.Address(backends[2], true)],
            NotReadyAddresses = [ProxyHarness.Address(backends[3], false)],
        });
        _h.Start();
        await _h.WaitListeningAsync("web");

        var answers = await ProxyClient.AskManyAsync(ProxyHarness.ServiceEndPoint(service), 6);

        Assert.Equal(["web-a", "web-a", "web-a", "web-c", "web-c", "web-c"], answers.Order(StringComparer.Ordinal));
        Assert.Equal(0, backends[1].Accepted);
        Assert.Equal(0, backends[3].Accepted);
    }

    [Fact]
    public async Task Connect_EndpointRemoved_GetsNoNewConnection()
    {
        var backends = _h.Backends("web-a", "web-b", "web-c");
        var service = _h.CreateService("web");
        _h.SetEndpoints("web", backends);
        _h.Start();
        await _h.WaitListeningAsync("web");
        var before = await ProxyClient.AskManyAsync(ProxyHarness.ServiceEndPoint(service), 3);
        Assert.Contains("web-b", before);

        _h.SetEndpoints("web", [backends[0], backends[2]]);
        await _h.SyncedAsync();
        var after = await ProxyClient.AskManyAsync(ProxyHarness.ServiceEndPoint(service), 6);

        Assert.DoesNotContain("web-b", after);
        Assert.Equal(3, after.Count(a => a == "web-a"));
        Assert.Equal(1, backends[1].Accepted);
    }

    [Fact]
    public async Task Connect_EndpointAdded_GetsNewConnections()
    {
        var backends = _h.Backends("web-a", "web-b");
        var service = _h.CreateService("web");
        _h.SetEndpoints("web", [backends[0]]);
        _h.Start();
        await _h.WaitListeningAsync("web");
        Assert.Equal(["web-a", "web-a"], await ProxyClient.AskManyAsync(ProxyHarness.ServiceEndPoint(service), 2));

        _h.SetEndpoints("web", backends);
        await _h.SyncedAsync();

        Assert.Equal(["web-a", "web-b"], (await ProxyClient.AskManyAsync(ProxyHarness.ServiceEndPoint(service), 2)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Connect_NoBackendTakesIt_ClientConnectionClosed(bool onlyBackendRefuses)
    {
        var service = _h.CreateService("web");
        if (onlyBackendRefuses)
        {
            var dead = _h.Backends("web-a");
            dead[0].StopListening();
            _h.SetEndpoints("web", dead);
        }
        else
        {
            _h.SetEndpoints("web", []);
        }

        _h.Start();
        await _h.WaitListeningAsync("web");

        Assert.True(await ProxyClient.IsClosedWithoutAnswerAsync(ProxyHarness.ServiceEndPoint(service)));
    }

    [Fact]
    public async Task Connect_OpenConnection_RelaysBothWays()
    {
        var backends = _h.Backends("web-a");
        var service = _h.CreateService("web");
        _h.SetEndpoints("web", backends);
        _h.Start();
        await _h.WaitListeningAsync("web");

        var (client, backend) = await ProxyClient.ConnectAsync(ProxyHarness.ServiceEndPoint(service));
        using (client)
        {
            Assert.Equal("web-a", backend);
            Assert.Equal("ping", await client.EchoAsync("ping"));
            Assert.Equal("pong", await client.EchoAsync("pong"));
        }
    }
}

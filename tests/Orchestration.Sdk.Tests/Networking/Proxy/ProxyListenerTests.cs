using Microsoft.Extensions.Time.Testing;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestration.Sdk.Networking.Proxy;
using Orchestration.Sdk.Tests.Runtime;

namespace Orchestration.Sdk.Tests.Networking.Proxy;

/// <summary>One proxy listener on loopback, with the connection counts a drain relies on.</summary>
public sealed class ProxyListenerTests : IAsyncDisposable
{
    private readonly ProxyConnections _connections = new();
    private readonly List<IAsyncDisposable> _owned = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }
    }

    [Fact]
    public async Task Relay_OpenConnection_CountedUntilClosed()
    {
        var backend = Own(new EchoServer("web-a", "127.0.0.2"));
        var listener = Start([backend.EndPoint], TimeSpan.FromSeconds(2));

        var (client, answered) = await ProxyClient.ConnectAsync(listener.EndPoint);
        Assert.Equal("web-a", answered);
        Assert.Equal(1, _connections.Count(backend.IP));
        client.Dispose();

        await AgentHarness.WaitForAsync(() => _connections.Count(backend.IP), n => n == 0, "the closed connection no longer counted");
    }

    [Fact]
    public async Task Dispose_WhileConnectingToABackendThatDoesNotAnswer_ConnectionNoLongerCounted()
    {
        // A listener whose accept queue is full drops new SYNs: a connect to it hangs, as to a frozen pod.
        using var frozen = new TcpListener(IPAddress.Parse("127.0.0.3"), 0);
        frozen.Start(0);
        using var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await filler.ConnectAsync((IPEndPoint)frozen.LocalEndpoint);
        var listener = Start([(IPEndPoint)frozen.LocalEndpoint], TimeSpan.FromMinutes(5));
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(listener.EndPoint);
        await AgentHarness.WaitForAsync(() => _connections.Count("127.0.0.3"), n => n == 1, "the proxy connecting to the frozen backend");

        _owned.Remove(listener);
        await listener.DisposeAsync();

        await AgentHarness.WaitForAsync(() => _connections.Count("127.0.0.3"), n => n == 0, "the abandoned connect no longer counted");
    }

    [Fact]
    public async Task Connect_FirstBackendDoesNotAnswer_NextOneServesOnceTheConnectTimeoutPassesOnTheClock()
    {
        using var frozen = new TcpListener(IPAddress.Parse("127.0.0.3"), 0);
        frozen.Start(0);
        using var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await filler.ConnectAsync((IPEndPoint)frozen.LocalEndpoint);
        var good = Own(new EchoServer("web-b", "127.0.0.2"));
        var time = new FakeTimeProvider(AgentHarness.Start);
        var backends = new ProxyBackends(_connections);
        backends.Set([(IPEndPoint)frozen.LocalEndpoint, good.EndPoint]); // the first connection tries the frozen one first
        var listener = Own(ProxyListener.Start(new IPEndPoint(IPAddress.Loopback, 0), "default/web:http", backends, TimeSpan.FromSeconds(2), NullLogger.Instance, time));

        var answer = ProxyClient.AskAsync(listener.EndPoint);
        await AgentHarness.WaitForAsync(() => _connections.Count("127.0.0.3"), n => n == 1, "the proxy connecting to the frozen backend");
        Assert.False(answer.IsCompleted);

        // The connect's timer is registered just after the connection is counted: step the clock until the frozen
        // attempt is given up, and no further (a later step would also time out the attempt on the good backend).
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (_connections.Count("127.0.0.3") > 0 && !limit.IsCancellationRequested)
        {
            time.Advance(TimeSpan.FromSeconds(2));
            await Task.Delay(20, CancellationToken.None);
        }

        Assert.Equal("web-b", await answer);
        Assert.Equal(0, _connections.Count("127.0.0.3"));
    }

    [Fact]
    public async Task Connect_BackendRemovedBeforeTheConnectionIsCounted_NotUsed()
    {
        var a = Own(new EchoServer("web-a", "127.0.0.2"));
        var backends = new ProxyBackends(_connections);
        backends.Set([a.EndPoint]);

        var order = backends.Order().ToList();
        backends.Set([]);

        Assert.Equal([a.EndPoint], order);
        Assert.False(backends.TryEnter(order[0]));
        Assert.Equal(0, _connections.Count(a.IP));
    }

    [Fact]
    public void Order_ThreeBackends_EachNewConnectionStartsAtTheNextAndTriesAll()
    {
        var endpoints = new[] { IPEndPoint.Parse("10.0.0.1:80"), IPEndPoint.Parse("10.0.0.2:80"), IPEndPoint.Parse("10.0.0.3:80") };
        var backends = new ProxyBackends(_connections);
        backends.Set(endpoints);

        var orders = Enumerable.Range(0, 4).Select(_ => backends.Order().ToList()).ToList();

        foreach (var order in orders)
        {
            var start = Array.IndexOf(endpoints, order[0]);
            Assert.Equal(Enumerable.Range(0, 3).Select(i => endpoints[(start + i) % 3]), order);
        }

        Assert.Equal(3, orders.Take(3).Select(o => o[0]).Distinct().Count());
        Assert.Equal(orders[0][0], orders[3][0]);
    }

    private ProxyListener Start(IPEndPoint[] backendEndPoints, TimeSpan connectTimeout)
    {
        var backends = new ProxyBackends(_connections);
        backends.Set(backendEndPoints);
        return Own(ProxyListener.Start(new IPEndPoint(IPAddress.Loopback, 0), "default/web:http", backends, connectTimeout, NullLogger.Instance));
    }

    private T Own<T>(T owned)
        where T : IAsyncDisposable
    {
        _owned.Add(owned);
        return owned;
    }
}

using Orchestration.Sdk.Model;
using Orchestration.Sdk.Tests.Runtime;

namespace Orchestration.Sdk.Tests.Networking.Proxy;

/// <summary>
/// <see cref="Sdk.Networking.Proxy.ServiceProxy.WaitUntilDrainedAsync"/>: a terminating pod is let go once no new
/// connection can reach it and its open proxied connections are finished.
/// </summary>
public sealed class ServiceProxyDrainTests : IAsyncDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly ProxyHarness _h = new();

    public ValueTask DisposeAsync() => _h.DisposeAsync();

    [Fact]
    public async Task WaitUntilDrained_PodStillABackend_CompletesOnceItLeavesTheEndpoints()
    {
        var backends = _h.Backends("web-a", "web-b");
        _h.CreateService("web");
        _h.SetEndpoints("web", backends);
        _h.Start();
        await _h.WaitListeningAsync("web");

        var drained = _h.Proxy.WaitUntilDrainedAsync(PodAt(backends[1]), CancellationToken.None);
        await _h.SyncedAsync();
        await AgentHarness.AssertStaysAsync(() => !drained.IsCompleted, "the drain waiting while the pod is a backend");

        _h.SetEndpoints("web", [backends[0]]);

        await drained.WaitAsync(Bound);
    }

    [Fact]
    public async Task WaitUntilDrained_ProxiedConnectionStillOpen_CompletesOnceItCloses()
    {
        var backends = _h.Backends("web-a", "web-b");
        var service = _h.CreateService("web");
        _h.SetEndpoints("web", backends);
        _h.Start();
        await _h.WaitListeningAsync("web");
        var open = await ConnectToAsync(service, "web-b");

        var drained = _h.Proxy.WaitUntilDrainedAsync(PodAt(backends[1]), CancellationToken.None);
        _h.SetEndpoints("web", [backends[0]]);
        await _h.SyncedAsync();
        await AgentHarness.AssertStaysAsync(() => !drained.IsCompleted, "the drain waiting while a connection to the pod is open");
        Assert.Equal("still here", await open.EchoAsync("still here")); // the open connection keeps working meanwhile

        open.Dispose();

        await drained.WaitAsync(Bound);
    }

    [Fact]
    public async Task WaitUntilDrained_PodNotABackend_CompletesAtOnce()
    {
        var backends = _h.Backends("web-a", "web-b");
        _h.CreateService("web");
        _h.SetEndpoints("web", [backends[0]]);
        _h.Start();
        await _h.WaitListeningAsync("web");

        await _h.Proxy.WaitUntilDrainedAsync(PodAt(backends[1]), CancellationToken.None).WaitAsync(Bound);
    }

    [Fact]
    public async Task WaitUntilDrained_Cancelled_Throws()
    {
        var backends = _h.Backends("web-a");
        _h.CreateService("web");
        _h.SetEndpoints("web", backends);
        _h.Start();
        await _h.WaitListeningAsync("web");
        using var cancel = new CancellationTokenSource();

        var drained = _h.Proxy.WaitUntilDrainedAsync(PodAt(backends[0]), cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => drained.WaitAsync(Bound));
    }

    private static Pod PodAt(EchoServer server) => new()
    {
        Metadata = new ObjectMeta { Name = server.Name },
        Spec = new PodSpec { NodeName = "n1", Containers = [new Container { Name = "web", Image = "web:1" }] },
        Status = new PodStatus { PodIP = server.IP },
    };

    /// <summary>Opens connections until <paramref name="backend"/> answers one (round-robin: within a few), keeps that one.</summary>
    private static async Task<ProxyClient> ConnectToAsync(Sdk.Networking.Service service, string backend)
    {
        for (var i = 0; i < 10; i++)
        {
            var (client, answered) = await ProxyClient.ConnectAsync(ProxyHarness.ServiceEndPoint(service));
            if (answered == backend)
            {
                return client;
            }

            client.Dispose();
        }

        throw new InvalidOperationException($"{backend} never answered");
    }
}

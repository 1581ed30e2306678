using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orchestration.Sdk.Hosting;
using Orchestration.Sdk.Networking;
using Orchestration.Sdk.Networking.Proxy;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Runtime.NodeAgents;

namespace Orchestration.Sdk.Tests.Networking.Proxy;

/// <summary><c>UseServiceProxy</c>: the public extension point a runtime package turns the service proxy on with.</summary>
public sealed class UseServiceProxyTests
{
    [Fact]
    public void UseServiceProxy_CalledTwice_RegistersTheNetworkAndOneProxyAsComponentAndTerminationGate()
    {
        var services = new ServiceCollection();
        services.AddOrchestration().UseInMemoryRuntime()
            .UseServiceProxy<GatewayNetwork>(o => o.HostAddress = "127.0.0.2")
            .UseServiceProxy<OtherNetwork>(o => o.ConnectTimeout = TimeSpan.FromSeconds(7));
        using var provider = services.BuildServiceProvider();

        Assert.IsType<GatewayNetwork>(provider.GetRequiredService<IServiceNetwork>());
        var proxy = Assert.Single(provider.GetServices<IClusterComponent>().OfType<ServiceProxy>());
        Assert.Same(proxy, Assert.Single(provider.GetServices<IPodTerminationGate>().OfType<ServiceProxy>()));
        var options = provider.GetRequiredService<IOptions<ServiceProxyOptions>>().Value;
        Assert.Equal("127.0.0.2", options.HostAddress);
        Assert.Equal(TimeSpan.FromSeconds(7), options.ConnectTimeout);
        Assert.NotNull(provider.GetService<ProxyHostPorts>());
    }

    [Fact]
    public void AddOrchestration_WithoutServiceProxy_HasNoNetworkNoProxyAndNoHostPortReservation()
    {
        var services = new ServiceCollection();
        services.AddOrchestration().UseInMemoryRuntime();
        using var provider = services.BuildServiceProvider();

        Assert.Null(provider.GetService<IServiceNetwork>());
        Assert.Empty(provider.GetServices<IClusterComponent>().OfType<ServiceProxy>());
        Assert.Null(provider.GetService<ProxyHostPorts>());
    }

    private sealed class GatewayNetwork : IServiceNetwork
    {
        public ValueTask<string> GetServiceAddressAsync(CancellationToken cancellationToken) => ValueTask.FromResult("172.30.0.1");

        public Task PublishHostsAsync(IReadOnlyList<HostAlias> hosts, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class OtherNetwork : IServiceNetwork
    {
        public ValueTask<string> GetServiceAddressAsync(CancellationToken cancellationToken) => ValueTask.FromResult("172.31.0.1");

        public Task PublishHostsAsync(IReadOnlyList<HostAlias> hosts, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

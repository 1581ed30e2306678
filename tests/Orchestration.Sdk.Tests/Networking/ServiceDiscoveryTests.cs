using Microsoft.Extensions.DependencyInjection;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Networking;

namespace Orchestration.Sdk.Tests.Networking;

public class ServiceDiscoveryTests
{
    private static void WebApp(AppDeclaration app, int replicas = 3)
    {
        var web = app.AddDeployment("web").WithImage("web:1").WithReplicas(replicas).WithPort(8080, name: "http").WithPort(9090, name: "metrics");
        app.AddService("web").SelectingPodsOf(web).WithPort(80, targetPortName: "http", name: "http").WithPort(9000, targetPort: 9090, name: "metrics");
    }

    [Fact]
    public async Task ResolveAsync_ReadyPods_ReturnsPodIPsAndTargetPorts()
    {
        await using var c = await ServiceCluster.StartAsync(app => WebApp(app));
        await c.WaitForEndpointsAsync("web", "web", 3);
        var discovery = c.Cluster.Services.GetRequiredService<IServiceDiscovery>();

        var http = await discovery.ResolveAsync("web");
        var metrics = await discovery.ResolveAsync("web.default.svc.cluster.local", "metrics");

        var expected = c.Cluster.Pods("web").Select(p => p.Status.PodIP!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, http.Select(e => e.Address).Order(StringComparer.Ordinal));
        Assert.All(http, e => Assert.Equal(8080, e.Port));
        Assert.All(metrics, e => Assert.Equal(9090, e.Port));
        Assert.Empty(await discovery.ResolveAsync("nope"));
        Assert.Empty(await discovery.ResolveAsync("web", "no-such-port"));
    }

    [Fact]
    public async Task PickAsync_ThreeReadyPods_RoundRobinsOverAll()
    {
        await using var c = await ServiceCluster.StartAsync(app => WebApp(app));
        await c.WaitForEndpointsAsync("web", "web", 3);
        var discovery = c.Cluster.Services.GetRequiredService<IServiceDiscovery>();

        var picks = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            picks.Add((await discovery.PickAsync("web"))!.PodName);
        }

        Assert.Equal(3, picks.Take(3).Distinct().Count());
        Assert.Equal(picks.Take(3), picks.Skip(3));
    }

    [Fact]
    public async Task PickAsync_UnreadyPod_NeverPicked()
    {
        await using var c = await ServiceCluster.StartAsync(app => WebApp(app, 2));
        await c.WaitForEndpointsAsync("web", "web", 2);
        var discovery = c.Cluster.Services.GetRequiredService<IServiceDiscovery>();
        var unready = c.Cluster.Pods("web")[0];
        c.SetReady(unready, ready: false);
        await c.Cluster.WaitUntilAsync("one ready endpoint", _ => c.ReadyPods("web").Count == 1);

        for (var i = 0; i < 4; i++)
        {
            Assert.NotEqual(unready.Metadata.Name, (await discovery.PickAsync("web"))!.PodName);
        }
    }

    [Fact]
    public async Task GetChangeToken_EndpointsChange_Fires()
    {
        await using var c = await ServiceCluster.StartAsync(app => WebApp(app, 1));
        await c.WaitForEndpointsAsync("web", "web", 1);
        var discovery = c.Cluster.Services.GetRequiredService<IServiceDiscovery>();
        var token = discovery.GetChangeToken("web");
        Assert.False(token.HasChanged);

        await c.Cluster.Client.ScaleAsync("web", 2);

        await c.Cluster.WaitUntilAsync("the change token fired", _ => token.HasChanged);
        await c.WaitForEndpointsAsync("web", "web", 2);
        Assert.Equal(2, (await discovery.ResolveAsync("web")).Count);
    }
}

using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.ServiceDiscovery;

namespace Orchestration.Sdk.Tests.Networking;

/// <summary>Microsoft.Extensions.ServiceDiscovery over the orchestrator: names resolve to Ready pods (in-memory pods do not listen, so a recording handler stands in for the network).</summary>
public class HttpServiceDiscoveryTests
{
    private static void WebApp(AppDeclaration app, int replicas)
    {
        var web = app.AddDeployment("web").WithImage("web:1").WithReplicas(replicas).WithPort(8080, name: "http").WithPort(9090, name: "metrics");
        app.AddService("web").SelectingPodsOf(web).WithPort(80, targetPortName: "http", name: "http").WithPort(9000, targetPortName: "metrics", name: "metrics");
    }

    [Fact]
    public async Task GetEndpointsAsync_ServiceName_ResolvesToReadyPods()
    {
        await using var c = await ServiceCluster.StartAsync(app => WebApp(app, 3), services => services.AddOrchestrationServiceDiscovery());
        await c.WaitForEndpointsAsync("web", "web", 3);
        var resolver = c.Cluster.Services.GetRequiredService<ServiceEndpointResolver>();

        var http = await resolver.GetEndpointsAsync("http://web", CancellationToken.None);
        var metrics = await resolver.GetEndpointsAsync("http://_metrics.web", CancellationToken.None);

        var podIPs = c.Cluster.Pods("web").Select(p => p.Status.PodIP!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(podIPs.Select(ip => $"{ip}:8080"), http.Endpoints.Select(e => e.EndPoint.ToString()!).Order(StringComparer.Ordinal));
        Assert.Equal(podIPs.Select(ip => $"{ip}:9090"), metrics.Endpoints.Select(e => e.EndPoint.ToString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task HttpClient_CallsServiceByName_BalancedOverAllReadyPods()
    {
        var handler = new RecordingHandler();
        await using var c = await ServiceCluster.StartAsync(app => WebApp(app, 3), services =>
        {
            services.AddOrchestrationServiceDiscovery();
            services.AddHttpClient("web-client").ConfigurePrimaryHttpMessageHandler(() => handler).AddServiceDiscovery();
        });
        await c.WaitForEndpointsAsync("web", "web", 3);
        var client = c.Cluster.Services.GetRequiredService<IHttpClientFactory>().CreateClient("web-client");

        for (var i = 0; i < 6; i++)
        {
            using var response = await client.GetAsync(new Uri("http://web/hello"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var expected = c.Cluster.Pods("web").Select(p => $"{p.Status.PodIP}:8080").Order(StringComparer.Ordinal);
        Assert.Equal(expected, handler.Authorities.Distinct().Order(StringComparer.Ordinal));
        Assert.All(handler.Authorities.GroupBy(a => a), g => Assert.Equal(2, g.Count()));
        Assert.All(handler.Paths, p => Assert.Equal("/hello", p));
    }

    [Fact]
    public async Task HttpClient_PodBecomesUnready_NoLongerCalled()
    {
        var handler = new RecordingHandler();
        await using var c = await ServiceCluster.StartAsync(app => WebApp(app, 2), services =>
        {
            services.AddOrchestrationServiceDiscovery();
            services.AddHttpClient("web-client").ConfigurePrimaryHttpMessageHandler(() => handler).AddServiceDiscovery();
        });
        await c.WaitForEndpointsAsync("web", "web", 2);
        var client = c.Cluster.Services.GetRequiredService<IHttpClientFactory>().CreateClient("web-client");
        (await client.GetAsync(new Uri("http://web/"))).Dispose(); // the resolver now caches the endpoints
        var unready = c.Cluster.Pods("web")[0];

        c.SetReady(unready, ready: false);
        await c.Cluster.WaitUntilAsync("one ready endpoint", _ => c.ReadyPods("web").Count == 1);
        var unreadyAddress = $"{unready.Status.PodIP}:8080";

        // The client's resolver refreshes when the endpoints' change token fires; wait for that to propagate.
        await c.Cluster.WaitUntilAsync("the client stopped calling the unready pod", _ =>
        {
            handler.Clear();
            for (var i = 0; i < 2; i++)
            {
                client.GetAsync(new Uri("http://web/")).GetAwaiter().GetResult().Dispose();
            }

            return !handler.Authorities.Contains(unreadyAddress);
        });
        handler.Clear();

        for (var i = 0; i < 4; i++)
        {
            (await client.GetAsync(new Uri("http://web/"))).Dispose();
        }

        Assert.Equal(4, handler.Authorities.Count);
        Assert.DoesNotContain(unreadyAddress, handler.Authorities);
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        private readonly ConcurrentQueue<(string Authority, string Path)> _requests = new();

        public IReadOnlyList<string> Authorities => _requests.Select(r => r.Authority).ToList();

        public IReadOnlyList<string> Paths => _requests.Select(r => r.Path).ToList();

        public void Clear() => _requests.Clear();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _requests.Enqueue((request.RequestUri!.Authority, request.RequestUri.AbsolutePath));
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}

using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Kubernetes.Tests.Streams;

/// <summary>An in-process ASP.NET Core server that routes every request to one stream handler for one pod.</summary>
internal sealed class StreamTestServer : IAsyncDisposable
{
    private readonly IHost _host;

    private StreamTestServer(IHost host) => _host = host;

    public TestServer Server => _host.GetTestServer();

    public static async Task<StreamTestServer> StartAsync(Func<HttpContext, Pod, Task> handler, Pod? pod = null)
    {
        var target = pod ?? FakePodStreams.Pod();
        var host = new HostBuilder()
            .ConfigureWebHost(web => web.UseTestServer().Configure(app =>
            {
                app.UseWebSockets();
                app.Run(context => handler(context, target));
            }))
            .Build();
        await host.StartAsync();
        return new StreamTestServer(host);
    }

    public async Task<WebSocket> ConnectAsync(string pathAndQuery, params string[] protocols)
    {
        var client = Server.CreateWebSocketClient();
        foreach (var protocol in protocols)
        {
            client.SubProtocols.Add(protocol);
        }

        return await client.ConnectAsync(new Uri(Server.BaseAddress, pathAndQuery), CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

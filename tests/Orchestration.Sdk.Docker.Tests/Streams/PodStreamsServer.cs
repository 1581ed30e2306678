using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;
using Orchestration.Sdk.Kubernetes.Streams;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime.Streams;

namespace Orchestration.Sdk.Docker.Tests.Streams;

/// <summary>
/// The three pod stream handlers in an in-process ASP.NET Core server (/log, /exec, /portforward for one pod), over
/// the orchestrator's real <see cref="IPodStreams"/>, with a WebSocket client that speaks the channel protocol.
/// </summary>
internal sealed class PodStreamsServer : IAsyncDisposable
{
    private readonly IHost _host;

    private PodStreamsServer(IHost host) => _host = host;

    public TestServer Server => _host.GetTestServer();

    public static async Task<PodStreamsServer> StartAsync(IPodStreams streams, Pod pod)
    {
        var log = new PodLogHandler(streams, TimeProvider.System);
        var exec = new PodExecHandler(streams);
        var forward = new PodPortForwardHandler(streams);
        var host = new HostBuilder()
            .ConfigureWebHost(web => web.UseTestServer().Configure(app =>
            {
                app.UseWebSockets();
                app.Run(context => context.Request.Path.Value switch
                {
                    "/log" => log.HandleAsync(context, pod),
                    "/exec" => exec.HandleAsync(context, pod),
                    _ => forward.HandleAsync(context, pod),
                });
            }))
            .Build();
        await host.StartAsync();
        return new PodStreamsServer(host);
    }

    public async Task<WebSocket> ConnectAsync(string pathAndQuery, string protocol)
    {
        var client = Server.CreateWebSocketClient();
        client.SubProtocols.Add(protocol);
        return await client.ConnectAsync(new Uri(Server.BaseAddress, pathAndQuery), CancellationToken.None);
    }

    public static Task SendAsync(WebSocket socket, byte channel, string text) =>
        socket.SendAsync((byte[])[channel, .. Encoding.UTF8.GetBytes(text)], WebSocketMessageType.Binary, true, CancellationToken.None);

    /// <summary>The next message as (channel, data), or null once the server closed.</summary>
    public static async Task<(byte Channel, string Text)?> ReceiveAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cancellationToken);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        if (result.MessageType == WebSocketMessageType.Close)
        {
            return null;
        }

        var bytes = message.ToArray();
        return (bytes[0], Encoding.UTF8.GetString(bytes, 1, bytes.Length - 1));
    }

    /// <summary>Every message until the server closes, within <paramref name="timeout"/>.</summary>
    public static async Task<List<(byte Channel, string Text)>> ReadAllAsync(WebSocket socket, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        var messages = new List<(byte, string)>();
        while (await ReceiveAsync(socket, limit.Token) is { } message)
        {
            messages.Add(message);
        }

        return messages;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Orchestration.Sdk.Docker.Tests.Unit;

/// <summary>The shutdown log tells the truth when the engine refuses to remove the network (HTTP 403).</summary>
public sealed class DockerShutdownNetworkLogTests
{
    private sealed class Recorder : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue(formatter(state, exception));

        public void Dispose()
        {
        }
    }

    /// <summary>A fake engine: no containers, no volumes, and a network it refuses to remove (403).</summary>
    private static async Task ServeAsync(HttpListener listener, ConcurrentQueue<string> requests, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var context = await listener.GetContextAsync().WaitAsync(ct);
            var path = context.Request.Url!.AbsolutePath;
            requests.Enqueue($"{context.Request.HttpMethod} {path}");
            var (status, body) = (context.Request.HttpMethod, path) switch
            {
                ("GET", var p) when p.EndsWith("/containers/json", StringComparison.Ordinal) => (200, "[]"),
                ("GET", var p) when p.EndsWith("/volumes", StringComparison.Ordinal) => (200, "{\"Volumes\":[],\"Warnings\":[]}"),
                ("DELETE", var p) when p.Contains("/networks/", StringComparison.Ordinal) =>
                    (403, "{\"message\":\"error while removing network: network orchestration-netlog has active endpoints\"}"),
                _ => (404, "{\"message\":\"not found\"}"),
            };
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes, ct);
            context.Response.Close();
        }
    }

    [Fact]
    public async Task Shutdown_NetworkRemovalRefused_LogsThatTheNetworkWasKept()
    {
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var requests = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var serving = ServeAsync(listener, requests, stop.Token);
        var recorder = new Recorder();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(recorder).SetMinimumLevel(LogLevel.Trace));
        var options = new DockerRuntimeOptions { Endpoint = $"tcp://127.0.0.1:{port}", AppName = "netlog", Lifetime = DockerLifetime.RemoveOnShutdown };
        var runtime = new DockerContainerRuntime(options, new FakeTimeProvider(), loggers);

        await runtime.ShutdownAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Contains(requests, r => r.StartsWith("DELETE", StringComparison.Ordinal) && r.Contains("/networks/orchestration-netlog", StringComparison.Ordinal));
        Assert.DoesNotContain(recorder.Lines, l => l.Contains("and the network", StringComparison.Ordinal));
        Assert.Contains(recorder.Lines, l => l.Contains("the network orchestration-netlog was kept", StringComparison.Ordinal) && l.Contains("403", StringComparison.Ordinal));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => serving);
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

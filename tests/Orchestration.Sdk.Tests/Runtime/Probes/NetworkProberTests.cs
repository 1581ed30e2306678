using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Runtime.Probes;
using Orchestration.Sdk.Runtime.InMemory;

namespace Orchestration.Sdk.Tests.Runtime.Probes;

/// <summary>The agent's own HTTP GET and TCP probes (for runtimes without <see cref="IProbeRunner"/>), against loopback servers.</summary>
public sealed class NetworkProberTests
{
    private static readonly IContainerRuntime Runtime = new InMemoryCluster(TimeProvider.System).Add("n1");

    [Theory]
    [InlineData(200, true)]
    [InlineData(204, true)]
    [InlineData(302, true)]
    [InlineData(399, true)]
    [InlineData(400, false)]
    [InlineData(500, false)]
    public async Task HttpGet_StatusCode_SuccessFrom200To399(int status, bool succeeds)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var server = AnswerOnceAsync(listener, status);

        var result = await NetworkProber.ProbeAsync(Runtime, "127.0.0.1", Probe.ForHttpGet("/healthz", port), CancellationToken.None);
        await server;

        Assert.Equal(succeeds, result.Succeeded);
        if (!succeeds)
        {
            Assert.Equal($"HTTP probe failed with statuscode: {status.ToString(CultureInfo.InvariantCulture)}", result.Output);
        }
    }

    [Fact]
    public async Task TcpSocket_ListeningAndClosedPort_SucceedsThenFails()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var open = await NetworkProber.ProbeAsync(Runtime, "127.0.0.1", Probe.ForTcpSocket(port), CancellationToken.None);
            Assert.True(open.Succeeded, open.Output);
        }

        var closed = await NetworkProber.ProbeAsync(Runtime, "127.0.0.1", Probe.ForTcpSocket(port), CancellationToken.None);
        Assert.False(closed.Succeeded);
        Assert.StartsWith($"dial tcp 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}: ", closed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exec_WithoutProbeRunner_FailsNamingTheRuntime()
    {
        var result = await NetworkProber.ProbeAsync(Runtime, "127.0.0.1", Probe.ForExec("true"), CancellationToken.None);

        Assert.Equal((false, "exec probes are not supported by the in-memory runtime"), (result.Succeeded, result.Output));
    }

    private static async Task AnswerOnceAsync(TcpListener listener, int status)
    {
        using var client = await listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var buffer = new byte[4096];
        var request = new StringBuilder();
        while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var n = await stream.ReadAsync(buffer);
            if (n == 0)
            {
                return;
            }

            request.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }

        Assert.StartsWith("GET /healthz HTTP/1.1", request.ToString(), StringComparison.Ordinal);
        var response = $"HTTP/1.1 {status.ToString(CultureInfo.InvariantCulture)} X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(response));
    }
}

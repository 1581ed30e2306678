using System.IO.Pipelines;
using System.Net.WebSockets;
using System.Text;
using Orchestration.Sdk.Kubernetes.Streams;
using Orchestration.Sdk.Runtime.Streams;

namespace Orchestration.Sdk.Kubernetes.Tests.Streams;

public sealed class PodPortForwardHandlerTests
{
    [Fact]
    public async Task HandleAsync_TwoPorts_PrefixesEachChannelWithItsPortAndCarriesBytesBothWays()
    {
        var toPod = new Dictionary<int, Pipe>();
        var fromPod = new Dictionary<int, Pipe>();
        var streams = new FakePodStreams
        {
            Connect = port =>
            {
                toPod[port] = new Pipe();
                fromPod[port] = new Pipe();
                return new DuplexStream(fromPod[port].Reader.AsStream(), toPod[port].Writer.AsStream());
            },
        };
        await using var server = await StreamTestServer.StartAsync(new PodPortForwardHandler(streams).HandleAsync);

        using var socket = await server.ConnectAsync("/portforward?ports=8080,9090", "v4.channel.k8s.io");
        var reading = ChannelClient.ReadAllAsync(socket);
        await ChannelClient.SendAsync(socket, 2, "ping");
        var received = new byte[4];
        await toPod[9090].Reader.AsStream().ReadExactlyAsync(received);
        await fromPod[8080].Writer.WriteAsync("pong"u8.ToArray());
        await fromPod[8080].Writer.CompleteAsync();
        await fromPod[9090].Writer.CompleteAsync();
        var messages = await reading;

        Assert.Equal("ping", Encoding.UTF8.GetString(received));
        Assert.Equal([(0, 8080), (1, 8080), (2, 9090), (3, 9090)], messages.Take(4).Select(m => ((int)m.Channel, BitConverter.ToUInt16(m.Data))));
        Assert.Equal("pong", Encoding.UTF8.GetString(messages.Skip(4).Where(m => m.Channel == 0).SelectMany(m => m.Data).ToArray()));
        Assert.Equal(WebSocketState.CloseReceived, socket.State);
    }

    [Theory]
    [InlineData(new[] { "80" }, true)]
    [InlineData(new[] { "80,443", "8080" }, true)]
    [InlineData(new[] { "0" }, false)]
    [InlineData(new[] { "70000" }, false)]
    [InlineData(new[] { "http" }, false)]
    [InlineData(new string[0], false)]
    public void TryParsePorts_Query_AcceptsOnlyPortNumbers(string[] values, bool ok)
    {
        Assert.Equal(ok, PodPortForwardHandler.TryParsePorts(values, out _, out var error));
        Assert.Equal(ok, error.Length == 0);
    }

    [Fact]
    public async Task HandleAsync_RuntimeWithoutProcesses_IsRefusedBeforeTheUpgrade()
    {
        var streams = new FakePodStreams { Failure = new ContainerStreamingNotSupportedException("the in-memory runtime runs no container processes") };
        await using var server = await StreamTestServer.StartAsync(new PodPortForwardHandler(streams).HandleAsync);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => server.ConnectAsync("/portforward?ports=80", "v4.channel.k8s.io"));

        Assert.Contains("400", error.Message, StringComparison.Ordinal);
    }
}

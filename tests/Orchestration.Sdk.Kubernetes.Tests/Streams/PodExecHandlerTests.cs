using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Orchestration.Sdk.Kubernetes.Streams;
using Orchestration.Sdk.Runtime.Streams;

namespace Orchestration.Sdk.Kubernetes.Tests.Streams;

public sealed class PodExecHandlerTests
{
    private const string NonInteractive = "/exec?command=sh&command=-c&command=echo+hi&stdout=true&stderr=true&container=main";

    [Fact]
    public async Task HandleAsync_NonInteractiveCommand_SendsOutputThenSuccessStatusOnTheErrorChannel()
    {
        var streams = new FakePodStreams();
        streams.Session.EndsWithoutInput = true;
        streams.Session.Write(ExecOutputStream.Stdout, "hello\n");
        streams.Session.Write(ExecOutputStream.Stderr, "warn\n");
        await using var server = await StreamTestServer.StartAsync(new PodExecHandler(streams).HandleAsync);

        using var socket = await server.ConnectAsync(NonInteractive, "v5.channel.k8s.io", "v4.channel.k8s.io");
        var messages = await ChannelClient.ReadAllAsync(socket);

        Assert.Equal("v5.channel.k8s.io", socket.SubProtocol);
        Assert.Equal("hello\n", ChannelClient.Text(messages, 1));
        Assert.Equal("warn\n", ChannelClient.Text(messages, 2));
        Assert.Equal(3, messages[^1].Channel);
        Assert.Equal("Success", JsonNode.Parse(messages[^1].Data)!["status"]!.GetValue<string>());
        Assert.Equal(["sh", "-c", "echo hi"], streams.LastExecOptions!.Command);
        Assert.Equal("main", streams.LastContainer);
        Assert.False(streams.LastExecOptions.Stdin);
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        await streams.Session.Disposed.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task HandleAsync_NonZeroExit_SendsNonZeroExitCodeStatusWithTheCode()
    {
        var streams = new FakePodStreams();
        streams.Session.EndsWithoutInput = true;
        streams.Session.ExitCode = 3;
        await using var server = await StreamTestServer.StartAsync(new PodExecHandler(streams).HandleAsync);

        using var socket = await server.ConnectAsync("/exec?command=false&stdout=true", "v4.channel.k8s.io");
        var status = JsonNode.Parse((await ChannelClient.ReadAllAsync(socket)).Single(m => m.Channel == 3).Data)!;

        Assert.Equal("v4.channel.k8s.io", socket.SubProtocol);
        Assert.Equal("Failure", status["status"]!.GetValue<string>());
        Assert.Equal("NonZeroExitCode", status["reason"]!.GetValue<string>());
        Assert.Equal("ExitCode", status["details"]!["causes"]![0]!["reason"]!.GetValue<string>());
        Assert.Equal("3", status["details"]!["causes"]![0]!["message"]!.GetValue<string>());
        Assert.Equal("command terminated with non-zero exit code: error executing command [false], exit code 3", status["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task HandleAsync_InteractiveV5_ForwardsStdinAndResizeAndHalfClosesOnTheCloseSignal()
    {
        var streams = new FakePodStreams();
        await using var server = await StreamTestServer.StartAsync(new PodExecHandler(streams).HandleAsync);

        using var socket = await server.ConnectAsync("/exec?command=sh&stdin=true&stdout=true&tty=true", "v5.channel.k8s.io");
        var reading = ChannelClient.ReadAllAsync(socket);
        await ChannelClient.SendAsync(socket, 4, """{"Width":120,"Height":40}""");
        await ChannelClient.SendAsync(socket, 0, "echo hi\n");
        await ChannelClient.SendAsync(socket, 255, [0]);
        var messages = await reading;

        Assert.Equal("echo hi\n", streams.Session.Input.ToString());
        Assert.Equal("ECHO HI\n", ChannelClient.Text(messages, 1));
        Assert.Equal([(120, 40)], streams.Session.Resizes);
        Assert.True(streams.Session.InputClosed.IsCompleted);
        Assert.True(streams.LastExecOptions!.Tty);
        Assert.Equal(3, messages[^1].Channel);
    }

    [Fact]
    public async Task HandleAsync_V4ClientClosesTheSocket_ClosesStdin()
    {
        var streams = new FakePodStreams();
        await using var server = await StreamTestServer.StartAsync(new PodExecHandler(streams).HandleAsync);

        using var socket = await server.ConnectAsync("/exec?command=cat&stdin=true", "v4.channel.k8s.io");
        await ChannelClient.SendAsync(socket, 255, [0]);
        Assert.False(streams.Session.InputClosed.IsCompleted, "v4 has no close signal: channel 255 is ignored");
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        await streams.Session.InputClosed.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(streams.Session.InputClosed.IsCompletedSuccessfully);
    }

    [Theory]
    [InlineData("/exec?stdout=true", 400, "you must specify at least 1 command")]
    [InlineData("/exec?command=ls", 400, "Upgrade request required")]
    [InlineData("/exec?command=ls&tty=maybe", 400, "tty: Invalid value")]
    public async Task HandleAsync_BadPlainRequest_AnswersAStatus(string path, int code, string message)
    {
        var streams = new FakePodStreams();
        await using var server = await StreamTestServer.StartAsync(new PodExecHandler(streams).HandleAsync);

        var response = await server.Server.CreateClient().GetAsync(new Uri(path, UriKind.Relative));
        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(code, (int)response.StatusCode);
        Assert.Equal("Status", status["kind"]!.GetValue<string>());
        Assert.Contains(message, status["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_UnsupportedSubprotocol_IsRefusedBeforeTheUpgrade()
    {
        var streams = new FakePodStreams();
        await using var server = await StreamTestServer.StartAsync(new PodExecHandler(streams).HandleAsync);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => server.ConnectAsync("/exec?command=ls", "v3.channel.k8s.io"));

        Assert.Contains("400", error.Message, StringComparison.Ordinal);
        Assert.Null(streams.LastExecOptions);
    }

    [Fact]
    public async Task HandleAsync_RuntimeWithoutProcesses_IsA400StatusBeforeTheUpgrade()
    {
        var streams = new FakePodStreams { Failure = new ContainerStreamingNotSupportedException("the in-memory runtime runs no container processes") };
        await using var server = await StreamTestServer.StartAsync(new PodExecHandler(streams).HandleAsync);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => server.ConnectAsync("/exec?command=ls", "v5.channel.k8s.io"));

        Assert.Contains("400", error.Message, StringComparison.Ordinal);
        Assert.NotNull(streams.LastExecOptions);
    }

    [Theory]
    [InlineData("v5.channel.k8s.io, v4.channel.k8s.io", "v5.channel.k8s.io")]
    [InlineData("v4.channel.k8s.io,v3.channel.k8s.io", "v4.channel.k8s.io")]
    [InlineData("channel.k8s.io", null)]
    public void Negotiate_OfferedProtocols_PicksTheBestExecProtocol(string offered, string? expected)
    {
        Assert.Equal(expected, StreamProtocols.Negotiate([offered], StreamProtocols.Exec));
    }

    [Theory]
    [InlineData("""{"Width":80,"Height":24}""", true, 80, 24)]
    [InlineData("""{"Width":0,"Height":24}""", false, 0, 24)]
    [InlineData("not json", false, 0, 0)]
    public void TryReadSize_ResizeMessage_ReadsWidthAndHeight(string json, bool ok, int width, int height)
    {
        Assert.Equal(ok, ExecPump.TryReadSize(System.Text.Encoding.UTF8.GetBytes(json), out var w, out var h));
        Assert.Equal((width, height), (w, h));
    }

    [Fact]
    public void Frame_Data_IsPrefixedWithTheChannel()
    {
        Assert.Equal([2, 104, 105], StreamProtocols.Frame(2, "hi"u8));
    }
}

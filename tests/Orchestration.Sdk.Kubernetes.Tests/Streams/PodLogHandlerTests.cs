using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Kubernetes.Streams;

namespace Orchestration.Sdk.Kubernetes.Tests.Streams;

public sealed class PodLogHandlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task HandleAsync_Query_PassesEveryOptionAndStreamsTheChunksAsText()
    {
        var streams = new FakePodStreams();
        streams.LogChunks.AddRange(["one\n", "two\n"]);
        await using var server = await StreamTestServer.StartAsync(new PodLogHandler(streams, new FakeTimeProvider(Now)).HandleAsync);

        var response = await server.Server.CreateClient().GetAsync(new Uri("/log?container=main&follow=true&tailLines=10&sinceSeconds=60&timestamps=true", UriKind.Relative));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("one\ntwo\n", await response.Content.ReadAsStringAsync());
        var options = streams.LastLogOptions!;
        Assert.True(options.Follow);
        Assert.True(options.Timestamps);
        Assert.Equal(10, options.TailLines);
        Assert.Equal(Now.AddSeconds(-60), options.Since);
        Assert.Equal("main", streams.LastContainer);
    }

    [Fact]
    public async Task HandleAsync_LimitBytes_StopsAfterThatManyBytes()
    {
        var streams = new FakePodStreams();
        streams.LogChunks.AddRange(["abc", "defgh"]);
        await using var server = await StreamTestServer.StartAsync(new PodLogHandler(streams, TimeProvider.System).HandleAsync);

        var text = await server.Server.CreateClient().GetStringAsync(new Uri("/log?limitBytes=5", UriKind.Relative));

        Assert.Equal("abcde", text);
    }

    [Theory]
    [InlineData("/log?tailLines=-1", 422, "tailLines: Invalid value")]
    [InlineData("/log?sinceSeconds=0", 422, "sinceSeconds: Invalid value")]
    [InlineData("/log?follow=yes", 422, "follow: Invalid value")]
    public async Task HandleAsync_InvalidQuery_Is422Status(string path, int code, string message)
    {
        await using var server = await StreamTestServer.StartAsync(new PodLogHandler(new FakePodStreams(), TimeProvider.System).HandleAsync);

        var response = await server.Server.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(code, (int)response.StatusCode);
        Assert.Contains(message, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_ContainerNotStarted_Is404StatusWithKubectlsWording()
    {
        var pod = FakePodStreams.Pod();
        var streams = new FakePodStreams { Failure = new NotFoundException(pod.Key, "container \"main\" in pod \"web-1\" is waiting to start: ContainerCreating") };
        await using var server = await StreamTestServer.StartAsync(new PodLogHandler(streams, TimeProvider.System).HandleAsync, pod);

        var response = await server.Server.CreateClient().GetAsync(new Uri("/log", UriKind.Relative));
        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("NotFound", status["reason"]!.GetValue<string>());
        Assert.Equal("container \"main\" in pod \"web-1\" is waiting to start: ContainerCreating", status["message"]!.GetValue<string>());
    }
}

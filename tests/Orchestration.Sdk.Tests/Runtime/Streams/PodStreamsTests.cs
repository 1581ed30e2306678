using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Runtime.Streams;
using Orchestration.Sdk.Testing;

namespace Orchestration.Sdk.Tests.Runtime.Streams;

public sealed class PodStreamsTests
{
    [Fact]
    public async Task ExecAsync_InMemoryRuntime_RefusesWithAKubernetesStyleError()
    {
        await using var cluster = await StartAsync();
        var pod = cluster.Pods("web").Single();
        var streams = cluster.Services.GetRequiredService<IPodStreams>();

        var exec = await Assert.ThrowsAsync<ContainerStreamingNotSupportedException>(
            () => streams.ExecAsync(pod, null, new ContainerExecOptions { Command = ["sh"] }, CancellationToken.None));
        var forward = await Assert.ThrowsAsync<ContainerStreamingNotSupportedException>(() => streams.PortForwardAsync(pod, 80, CancellationToken.None));

        Assert.Equal($"unable to exec into pod \"{pod.Metadata.Name}\": the in-memory runtime runs no container processes", exec.Message);
        Assert.StartsWith("unable to forward a port of pod", forward.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamLogsAsync_InMemoryRuntime_WithoutFollow_YieldsTheRecordedOutputAndEnds()
    {
        await using var cluster = await StartAsync();
        var pod = cluster.Pods("web").Single();
        var streams = cluster.Services.GetRequiredService<IPodStreams>();
        var expected = await cluster.Client.GetLogsAsync(pod.Metadata.Name);

        var text = new StringBuilder();
        await foreach (var chunk in streams.StreamLogsAsync(pod, null, false, new ContainerLogOptions(), CancellationToken.None))
        {
            text.Append(Encoding.UTF8.GetString(chunk.Span));
        }

        Assert.Equal(expected, text.ToString());
    }

    [Fact]
    public async Task StreamLogsAsync_InMemoryRuntime_Follow_YieldsLaterWritesUntilCancelled()
    {
        await using var cluster = await StartAsync();
        var pod = cluster.Pods("web").Single();
        var streams = cluster.Services.GetRequiredService<IPodStreams>();
        var expected = await cluster.Client.GetLogsAsync(pod.Metadata.Name);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30)); // a safety net only: the test cancels it itself
        await using var chunks = streams.StreamLogsAsync(pod, null, false, new ContainerLogOptions { Follow = true }, stop.Token).GetAsyncEnumerator(stop.Token);

        Assert.True(await chunks.MoveNextAsync());
        var first = Encoding.UTF8.GetString(chunks.Current.Span);
        cluster.Nodes[pod.Spec.NodeName!].AppendLog(pod.Metadata.Name, "web", "later");
        Assert.True(await chunks.MoveNextAsync());
        var second = Encoding.UTF8.GetString(chunks.Current.Span);
        var next = chunks.MoveNextAsync();
        await stop.CancelAsync();

        Assert.Equal(expected, first);
        Assert.Equal("later\n", second);
        Assert.False(await next);
    }

    [Fact]
    public async Task StreamLogsAsync_UnknownContainer_FailsBeforeAnyOutputWithKubectlsWording()
    {
        await using var cluster = await StartAsync();
        var pod = cluster.Pods("web").Single();
        var streams = cluster.Services.GetRequiredService<IPodStreams>();

        var error = await Assert.ThrowsAsync<OrchestrationException>(async () =>
        {
            await foreach (var unused in streams.StreamLogsAsync(pod, "nope", false, new ContainerLogOptions(), CancellationToken.None))
            {
                Assert.Fail("no output was expected");
            }
        });

        Assert.Equal($"container nope is not valid for pod {pod.Metadata.Name}", error.Message);
    }

    [Theory]
    [InlineData("a\nb\nc\n", 2L, "b\nc\n")]
    [InlineData("a\nb\nc", 1L, "c")]
    [InlineData("a\nb\n", 5L, "a\nb\n")]
    [InlineData("a\nb\n", 0L, "")]
    [InlineData("a\nb\n", null, "a\nb\n")]
    public void Tail_Lines_KeepsTheLastOnes(string text, long? lines, string expected)
    {
        Assert.Equal(expected, PodStreams.Tail(text, lines));
    }

    private static async Task<TestCluster> StartAsync()
    {
        var cluster = await TestCluster.StartAsync(app => app.AddDeployment("web").WithImage("web:1"), time: new FakeTimeProvider());
        await cluster.WaitForReadyReplicasAsync("web", 1);
        return cluster;
    }
}

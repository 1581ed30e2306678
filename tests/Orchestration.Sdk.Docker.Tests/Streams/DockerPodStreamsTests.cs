using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Sdk.Docker.Tests.Support;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime.Streams;

namespace Orchestration.Sdk.Docker.Tests.Streams;

/// <summary>kubectl's exec, logs -f and port-forward requests, over WebSocket, against real containers.</summary>
public sealed class DockerPodStreamsTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [DockerFact]
    public async Task Exec_NonInteractive_SeparatesStdoutAndStderrAndReportsTheExitCode()
    {
        await using var orchestrator = await StartAsync("/bin/sleep", "600");
        await using var server = await PodStreamsServer.StartAsync(orchestrator.Services.GetRequiredService<IPodStreams>(), await RunningPodAsync(orchestrator));

        using var socket = await server.ConnectAsync(
            "/exec?command=sh&command=-c&command=echo+out%3B+echo+err+%3E%262%3B+exit+3&stdout=true&stderr=true", "v5.channel.k8s.io");
        var messages = await PodStreamsServer.ReadAllAsync(socket, Timeout);

        Assert.Equal("out\n", string.Concat(messages.Where(m => m.Channel == 1).Select(m => m.Text)));
        Assert.Equal("err\n", string.Concat(messages.Where(m => m.Channel == 2).Select(m => m.Text)));
        var status = JsonNode.Parse(messages.Single(m => m.Channel == 3).Text)!;
        Assert.Equal("NonZeroExitCode", status["reason"]!.GetValue<string>());
        Assert.Equal("3", status["details"]!["causes"]![0]!["message"]!.GetValue<string>());
    }

    [DockerFact]
    public async Task Exec_InteractiveStdin_EchoesInputAndEndsWhenStdinCloses()
    {
        await using var orchestrator = await StartAsync("/bin/sleep", "600");
        await using var server = await PodStreamsServer.StartAsync(orchestrator.Services.GetRequiredService<IPodStreams>(), await RunningPodAsync(orchestrator));

        using var socket = await server.ConnectAsync("/exec?command=cat&stdin=true&stdout=true&stderr=true", "v5.channel.k8s.io");
        await PodStreamsServer.SendAsync(socket, 0, "hello from stdin\n");
        using var limit = new CancellationTokenSource(Timeout);
        var echoed = await PodStreamsServer.ReceiveAsync(socket, limit.Token);
        await PodStreamsServer.SendAsync(socket, 255, "\0");
        var rest = await PodStreamsServer.ReadAllAsync(socket, Timeout);

        Assert.Equal(((byte)1, "hello from stdin\n"), echoed!.Value);
        Assert.Equal("Success", JsonNode.Parse(rest.Single(m => m.Channel == 3).Text)!["status"]!.GetValue<string>());
    }

    [DockerFact]
    public async Task Log_Follow_StreamsLinesWrittenAfterTheRequest()
    {
        await using var orchestrator = await StartAsync("/bin/sh", "-c", "i=0; while true; do echo line $i; i=$((i+1)); sleep 0.2; done");
        var pod = await RunningPodAsync(orchestrator);
        await using var server = await PodStreamsServer.StartAsync(orchestrator.Services.GetRequiredService<IPodStreams>(), pod);
        var client = server.Server.CreateClient();

        var tail = await client.GetStringAsync(new Uri("/log?tailLines=1", UriKind.Relative));
        var before = int.Parse(tail.Trim().Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        using var limit = new CancellationTokenSource(Timeout);
        using var response = await client.GetAsync(new Uri("/log?follow=true&tailLines=1", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, limit.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(limit.Token));
        var seen = new List<string>();
        while (seen.Count < 4 && await reader.ReadLineAsync(limit.Token) is { } line)
        {
            seen.Add(line);
        }

        Assert.Matches(@"^line \d+\n$", tail);
        Assert.Equal(4, seen.Count);
        Assert.True(int.Parse(seen[^1].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture) >= before + 3, string.Join('|', seen));
    }

    [DockerFact]
    public async Task PortForward_HttpdInThePod_AnswersThroughTheDataChannel()
    {
        await using var orchestrator = await StartAsync("/bin/httpd", "-f", "-p", "8080", "-h", "/");
        await using var server = await PodStreamsServer.StartAsync(orchestrator.Services.GetRequiredService<IPodStreams>(), await RunningPodAsync(orchestrator));

        using var socket = await server.ConnectAsync("/portforward?ports=8080", "v4.channel.k8s.io");
        await PodStreamsServer.SendAsync(socket, 0, "GET / HTTP/1.0\r\n\r\n");
        var messages = await PodStreamsServer.ReadAllAsync(socket, Timeout);

        Assert.Equal([0, 1], messages.Take(2).Select(m => (int)m.Channel));
        Assert.StartsWith("HTTP/1.", string.Concat(messages.Skip(2).Where(m => m.Channel == 0).Select(m => m.Text)), StringComparison.Ordinal);
    }

    private static Task<DockerOrchestrator> StartAsync(params string[] command) =>
        DockerOrchestrator.StartAsync(app => app.AddDeployment("shell").WithImage(TestImage.Name).WithCommand(command));

    private static async Task<Pod> RunningPodAsync(DockerOrchestrator orchestrator) =>
        Assert.Single(await orchestrator.WaitForPodsAsync("the pod runs", p => DockerOrchestrator.AllRunning(p, 1)));
}

using Microsoft.Extensions.DependencyInjection;
using Orchestration.Sdk.Docker.Tests.Support;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime.Streams;

namespace Orchestration.Sdk.Docker.Tests.Streams;

/// <summary>The real kubectl 1.32 binary against the stream handlers, on a real container.</summary>
public sealed class KubectlPodStreamsTests
{
    [DockerFact]
    public async Task KubectlExec_InteractiveAndNot_RunsInTheContainerWithItsExitCode()
    {
        await using var orchestrator = await DockerOrchestrator.StartAsync(app => app.AddDeployment("shell").WithImage(TestImage.Name)
            .WithCommand("/bin/sh", "-c", "echo started; sleep 600"));
        var pod = Assert.Single(await orchestrator.WaitForPodsAsync("the pod runs", p => DockerOrchestrator.AllRunning(p, 1)));
        await using var server = await KubectlStreamsServer.StartAsync(orchestrator.Services.GetRequiredService<IPodStreams>(), pod);
        var name = pod.Metadata.Name;

        var plain = await server.KubectlAsync(null, "exec", name, "--", "sh", "-c", "echo out; echo err >&2; exit 4");
        var interactive = await server.KubectlAsync("line one\nline two\n", "exec", "-i", name, "--", "cat");
        var logs = await server.KubectlAsync(null, "logs", name, "--tail=1");

        Assert.True(plain.ExitCode == 4, $"kubectl exec exited {plain.ExitCode}: {plain.Stderr}");
        Assert.Equal("out\n", plain.Stdout);
        Assert.Contains("err", plain.Stderr, StringComparison.Ordinal);
        Assert.Contains("command terminated with exit code 4", plain.Stderr, StringComparison.Ordinal);
        Assert.Equal((0, "line one\nline two\n"), (interactive.ExitCode, interactive.Stdout));
        Assert.Equal((0, "started\n"), (logs.ExitCode, logs.Stdout));
    }
}

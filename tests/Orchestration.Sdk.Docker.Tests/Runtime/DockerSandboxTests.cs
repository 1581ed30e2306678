using System.Net;
using Docker.DotNet.Models;
using Orchestration.Sdk.Docker.Tests.Support;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker.Tests.Runtime;

public sealed class DockerSandboxTests
{
    [DockerFact]
    public async Task RunPodSandbox_TwoContainers_ReachEachOtherOnLocalhost()
    {
        await using var test = await DockerTestRuntime.CreateAsync();
        var sandbox = await test.RunSandboxAsync("web-1", ports: [8080]);

        await test.RunAsync(sandbox, "server", "exec httpd -f -p 8080 -h /www");
        var client = await test.RunAsync(
            sandbox,
            "client",
            "for i in $(seq 1 100); do wget -q -O - http://127.0.0.1:8080/ && exit 0; sleep 0.1; done",
            "exit 1");

        var exited = await test.WaitForExitAsync(client);
        Assert.Equal(0, exited.ExitCode);
        Assert.Contains(TestImage.IndexPage, await test.Runtime.GetLogsAsync(client, CancellationToken.None));
        Assert.True(IPAddress.TryParse(sandbox.IPAddress, out var address), $"pod IP '{sandbox.IPAddress}'");
        Assert.Equal(System.Net.Sockets.AddressFamily.InterNetwork, address.AddressFamily);
    }

    [DockerFact]
    public async Task RunPodSandbox_OnAppNetwork_PodIpIsTheSandboxAddressThere()
    {
        await using var test = await DockerTestRuntime.CreateAsync();
        var sandbox = await test.RunSandboxAsync("db-0");

        var inspect = await test.Runtime.Client.Containers.InspectContainerAsync(sandbox.Id, CancellationToken.None);
        var network = Assert.Single(inspect.NetworkSettings!.Networks);
        Assert.Equal("orchestration-" + test.AppName, network.Key);
        Assert.Equal(network.Value.IPAddress, sandbox.IPAddress);
        Assert.Equal("db-0", inspect.Config!.Hostname);
        Assert.Equal("true", sandbox.Labels[RuntimeLabels.Sandbox]);
        Assert.Equal("no", inspect.HostConfig!.RestartPolicy!.Name.ToString().ToLowerInvariant());
    }

    [DockerFact]
    public async Task ListPodSandboxes_ByLabel_ReturnsOnlyMatchingRunningSandboxesWithAddress()
    {
        await using var test = await DockerTestRuntime.CreateAsync();
        var first = await test.RunSandboxAsync("a", podUid: "uid-a");
        await test.RunSandboxAsync("b", podUid: "uid-b");

        var listed = await test.Runtime.ListPodSandboxesAsync(
            new Dictionary<string, string> { [RuntimeLabels.PodUid] = "uid-a" }, CancellationToken.None);

        var only = Assert.Single(listed);
        Assert.Equal(first.Id, only.Id);
        Assert.Equal(first.IPAddress, only.IPAddress);
        var all = await test.Runtime.ListPodSandboxesAsync(
            new Dictionary<string, string> { [RuntimeLabels.App] = test.AppName }, CancellationToken.None);
        Assert.Equal(2, all.Count);
    }

    [DockerFact]
    public async Task RemovePodSandbox_WithContainers_RemovesThemAndIsIdempotent()
    {
        await using var test = await DockerTestRuntime.CreateAsync();
        var sandbox = await test.RunSandboxAsync("gone");
        var member = await test.RunAsync(sandbox, "app", "exec sleep 600");

        await test.Runtime.RemovePodSandboxAsync(sandbox.Id, CancellationToken.None);
        await test.Runtime.RemovePodSandboxAsync(sandbox.Id, CancellationToken.None);

        Assert.Null(await test.Runtime.InspectContainerAsync(member, CancellationToken.None));
        Assert.Null(await test.Runtime.InspectContainerAsync(sandbox.Id, CancellationToken.None));
    }

    [DockerFact]
    public async Task CreateContainer_Spec_VisibleInDockerInspect()
    {
        await using var test = await DockerTestRuntime.CreateAsync();
        var sandbox = await test.RunSandboxAsync("limited");
        var request = test.Request(sandbox, "worker") with
        {
            Command = ["/bin/sh", "-c"],
            Args = ["exec sleep 600"],
            Environment = new Dictionary<string, string> { ["MODE"] = "fast" },
            WorkingDir = "/www",
            CpuLimitMilliCores = 250,
            MemoryLimitBytes = 64L * 1024 * 1024,
        };

        var id = await test.RunAsync(request);

        var inspect = await test.Runtime.Client.Containers.InspectContainerAsync(id, CancellationToken.None);
        Assert.Equal(250_000_000, inspect.HostConfig!.NanoCPUs);
        Assert.Equal(64L * 1024 * 1024, inspect.HostConfig.Memory);
        Assert.Equal(RestartPolicyKind.No, inspect.HostConfig.RestartPolicy!.Name);
        Assert.Equal("container:" + sandbox.Id, inspect.HostConfig.NetworkMode);
        Assert.Equal(["/bin/sh", "-c"], inspect.Config!.Entrypoint);
        Assert.Equal(["exec sleep 600"], inspect.Config.Cmd);
        Assert.Contains("MODE=fast", inspect.Config.Env);
        Assert.Equal("/www", inspect.Config.WorkingDir);
        Assert.Equal(test.AppName, inspect.Config.Labels[RuntimeLabels.App]);
        Assert.Equal("worker", inspect.Config.Labels[RuntimeLabels.ContainerName]);
        Assert.Equal(sandbox.Labels[RuntimeLabels.PodUid], inspect.Config.Labels[RuntimeLabels.PodUid]);
        Assert.Equal("0", inspect.Config.Labels[RuntimeLabels.RestartCount]);
        Assert.Equal("true", inspect.Config.Labels[RuntimeLabels.Managed]);
        var container = await test.Runtime.InspectContainerAsync(id, CancellationToken.None);
        Assert.Equal(RuntimeContainerState.Running, container?.State);
        Assert.Equal(TestImage.Name, container?.Image);
    }

    [DockerFact]
    public async Task ListPodSandboxes_SandboxKilled_RemovesItWithItsContainersAndListsNothing()
    {
        await using var test = await DockerTestRuntime.CreateAsync();
        var sandbox = await test.RunSandboxAsync("fragile");
        var member = await test.RunAsync(sandbox, "app", "exec sleep 600");
        await test.Runtime.Client.Containers.KillContainerAsync(sandbox.Id, new() { Signal = "KILL" }, CancellationToken.None);
        await test.WaitForExitAsync(sandbox.Id);

        var listed = await test.Runtime.ListPodSandboxesAsync(
            new Dictionary<string, string> { [RuntimeLabels.PodUid] = sandbox.Labels[RuntimeLabels.PodUid] }, CancellationToken.None);

        Assert.Empty(listed);
        Assert.Null(await test.Runtime.InspectContainerAsync(sandbox.Id, CancellationToken.None));
        Assert.Null(await test.Runtime.InspectContainerAsync(member, CancellationToken.None));
        var again = await test.RunSandboxAsync("fragile", podUid: sandbox.Labels[RuntimeLabels.PodUid]);
        Assert.NotEqual(sandbox.Id, again.Id);
    }
}

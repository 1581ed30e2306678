using Orchestration.Sdk.Docker.Tests.Support;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker.Tests.EndToEnd;

/// <summary>The whole orchestrator (<c>AddOrchestration(...).UseDocker(...)</c>) on the real engine.</summary>
public sealed class DockerOrchestrationTests
{
    [DockerFact]
    public async Task Deployment_ThreeHttpdReplicas_AnswerOnTheirPodIps()
    {
        await using var orchestrator = await DockerOrchestrator.StartAsync(app => app.AddDeployment("web")
            .WithImage(TestImage.Name)
            .WithCommand("/bin/httpd", "-f", "-p", "8080", "-h", "/www")
            .WithPort(8080)
            .WithResources(cpu: "50m", memory: "16Mi", cpuLimit: "200m", memoryLimit: "32Mi")
            .WithReplicas(3));

        var pods = await orchestrator.WaitForPodsAsync("3 web pods run", p => DockerOrchestrator.AllRunning(p, 3));

        Assert.Equal(3, pods.Select(p => p.Status.PodIP).Distinct().Count());
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        foreach (var pod in pods)
        {
            Assert.Contains(TestImage.IndexPage, await GetWithRetryAsync(http, $"http://{pod.Status.PodIP}:8080/"));
        }

        var containers = await orchestrator.ContainersAsync();
        Assert.Equal(3, containers.Count);
        Assert.All(containers, c => Assert.Equal(RuntimeContainerState.Running, c.State));
    }

    [DockerFact]
    public async Task ExternalDockerKill_ContainerReplaced_RestartCountAndLastExitCodeOnStatus()
    {
        await using var orchestrator = await DockerOrchestrator.StartAsync(app => app.AddDeployment("worker")
            .WithImage(TestImage.Name).WithCommand("/bin/sh", "-c", "echo first life; exec sleep 600"));
        var before = Assert.Single(await orchestrator.WaitForPodsAsync("the worker runs", p => DockerOrchestrator.AllRunning(p, 1)));
        var killed = before.Status.ContainerStatuses[0].ContainerId!;

        await orchestrator.Runtime.Client.Containers.KillContainerAsync(killed, new() { Signal = "KILL" }, CancellationToken.None);

        var after = Assert.Single(await orchestrator.WaitForPodsAsync(
            "the worker runs again after the kill",
            p => DockerOrchestrator.AllRunning(p, 1) && p[0].Status.ContainerStatuses[0].RestartCount == 1));
        var status = after.Status.ContainerStatuses[0];
        Assert.Equal(before.Metadata.Uid, after.Metadata.Uid);
        Assert.NotEqual(killed, status.ContainerId);
        Assert.Equal(137, status.LastState?.Terminated?.ExitCode);
        Assert.Equal("Error", status.LastState?.Terminated?.Reason);
        Assert.Equal("first life\n", await orchestrator.Client.GetLogsAsync(after.Metadata.Name, previous: true));
    }

    [DockerFact]
    public async Task CrashingContainer_RestartsWithGrowingBackoff_ShowsCrashLoopBackOff()
    {
        await using var orchestrator = await DockerOrchestrator.StartAsync(app => app.AddDeployment("crasher")
            .WithImage(TestImage.Name).WithCommand("/bin/sh", "-c", "echo crashing; exit 1"));

        var pods = await orchestrator.WaitForPodsAsync(
            "the crasher is in CrashLoopBackOff after two restarts",
            p => p.Count == 1 && p[0].Status.ContainerStatuses is [{ RestartCount: >= 2, State.Waiting.Reason: "CrashLoopBackOff" }]);

        var status = pods[0].Status.ContainerStatuses[0];
        Assert.Equal(1, status.LastState?.Terminated?.ExitCode);
        Assert.Matches(@"^back-off \d+s restarting failed container=crasher pod=crasher-", status.State.Waiting!.Message);
        var instances = await orchestrator.ContainersAsync();
        Assert.InRange(instances.Count, 1, 2); // the agent keeps the newest exited instance (for --previous logs) and removes older ones
        Assert.Contains("crashing", await orchestrator.Client.GetLogsAsync(pods[0].Metadata.Name));
    }

    [DockerFact]
    public async Task HostRestart_PersistentStore_NewHostAdoptsRunningContainersWithoutRestartOrDuplicates()
    {
        var appName = DockerTestRuntime.NewAppName();
        var storePath = Path.Combine(Directory.CreateTempSubdirectory("orchestration-e2e-").FullName, "store.json");
        static void Declare(AppDeclaration app) => app.AddDeployment("keeper").WithImage(TestImage.Name).WithCommand("/bin/sleep", "600").WithReplicas(2);
        IReadOnlyList<Pod> before;
        await using (var host = await DockerOrchestrator.StartAsync(Declare, appName, DockerLifetime.Persistent, storePath: storePath))
        {
            before = await host.WaitForPodsAsync("2 keepers run", p => DockerOrchestrator.AllRunning(p, 2));
        }

        Assert.True(File.Exists(storePath), "the stopping host saved its store");

        // The second host removes its containers when it stops, so the test leaves nothing behind.
        await using var next = await DockerOrchestrator.StartAsync(Declare, appName, DockerLifetime.RemoveOnShutdown, storePath: storePath);
        var pods = await next.WaitForPodsAsync("the same 2 keepers run under the new host", p =>
            DockerOrchestrator.AllRunning(p, 2) && p.All(x => x.Status.ContainerStatuses is [{ ContainerId: not null }]));

        Assert.Equal(before.Select(p => p.Metadata.Uid).Order(), pods.Select(p => p.Metadata.Uid).Order());
        Assert.Equal(
            before.Select(p => p.Status.ContainerStatuses[0].ContainerId).Order(),
            pods.Select(p => p.Status.ContainerStatuses[0].ContainerId).Order()); // adopted, not replaced
        Assert.All(pods, p => Assert.Equal(0, p.Status.RestartCount));
        var containers = await WaitForContainersAsync(next, 2);
        Assert.All(containers, c => Assert.Equal(RuntimeContainerState.Running, c.State));
    }

    [DockerFact]
    public async Task ScaleToZero_RemovesTheContainersAndSandboxes()
    {
        await using var orchestrator = await DockerOrchestrator.StartAsync(app => app.AddDeployment("batch")
            .WithImage(TestImage.Name).WithCommand("/bin/sleep", "600").WithReplicas(2)
            .WithTerminationGracePeriod(TimeSpan.FromSeconds(1)));
        await orchestrator.WaitForPodsAsync("2 batch pods run", p => DockerOrchestrator.AllRunning(p, 2));

        await orchestrator.Client.ScaleAsync("batch", 0);

        await orchestrator.WaitForPodsAsync("no pods are left", p => p.Count == 0);
        Assert.Empty(await orchestrator.ContainersAsync());
        Assert.Empty(await orchestrator.Runtime.ListPodSandboxesAsync(
            new Dictionary<string, string> { [RuntimeLabels.App] = orchestrator.AppName }, CancellationToken.None));
    }

    [DockerFact]
    public async Task MissingImage_PodStatusCarriesTheClearError()
    {
        await using var orchestrator = await DockerOrchestrator.StartAsync(app => app.AddDeployment("shop").WithImage("shop-web:2"));

        var pods = await orchestrator.WaitForPodsAsync(
            "the pod shows ErrImagePull",
            p => p.Count == 1 && p[0].Status.ContainerStatuses is [{ State.Waiting.Reason: "ErrImagePull" }]);

        var waiting = pods[0].Status.ContainerStatuses[0].State.Waiting!;
        Assert.StartsWith("image shop-web:2 not found locally and could not be pulled: ", waiting.Message, StringComparison.Ordinal);
        Assert.Equal(PodPhase.Pending, pods[0].Status.Phase);
        Assert.Empty(await orchestrator.ContainersAsync());
    }

    private static async Task<IReadOnlyList<RuntimeContainer>> WaitForContainersAsync(DockerOrchestrator orchestrator, int count)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var containers = await orchestrator.ContainersAsync();
            if (containers.Count == count || limit.IsCancellationRequested)
            {
                return containers;
            }

            await Task.Delay(100, CancellationToken.None);
        }
    }

    private static async Task<string> GetWithRetryAsync(HttpClient http, string url)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await http.GetStringAsync(new Uri(url));
            }
            catch (HttpRequestException) when (attempt < 20)
            {
                await Task.Delay(100); // httpd may still be binding its port
            }
        }
    }
}

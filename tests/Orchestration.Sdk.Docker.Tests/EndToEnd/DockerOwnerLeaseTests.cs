using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestration.Sdk.Docker.Tests.Support;

namespace Orchestration.Sdk.Docker.Tests.EndToEnd;

/// <summary>Two hosts with the same app name on one engine: the second refuses to start and leaves the first alone.</summary>
public sealed class DockerOwnerLeaseTests
{
    private static void Web(AppDeclaration app) =>
        app.AddDeployment("web").WithImage(TestImage.Name).WithReplicas(2).WithCommand("/bin/sh", "-c", "trap 'exit 0' TERM; while :; do sleep 0.2; done");

    [DockerFact]
    public async Task SecondHostWithTheSameAppName_FailsToStartNamingTheAppAndTheOtherHost_FirstHostsPodsKeepRunning()
    {
        var appName = DockerTestRuntime.NewAppName();
        await using var first = await DockerOrchestrator.StartAsync(Web, appName);
        var pods = await first.WaitForPodsAsync("the first host's pods run", p => DockerOrchestrator.AllRunning(p, 2));
        var ids = pods.Select(p => p.Status.ContainerStatuses[0].ContainerId).Order(StringComparer.Ordinal).ToList();

        var ex = await Assert.ThrowsAsync<OrchestrationException>(() => DockerOrchestrator.StartAsync(Web, appName));

        Assert.Contains($"app \"{appName}\" is already run on this Docker engine by another host", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"process {Environment.ProcessId}", ex.Message, StringComparison.Ordinal);
        var after = await first.PodsAsync();
        Assert.True(DockerOrchestrator.AllRunning(after, 2), DockerOrchestrator.Describe(after));
        Assert.Equal(ids, after.Select(p => p.Status.ContainerStatuses[0].ContainerId).Order(StringComparer.Ordinal).ToList());
    }

    [DockerFact]
    public async Task StaleLeaseOfADeadHost_IsTakenOver()
    {
        var appName = DockerTestRuntime.NewAppName();
        using var client = new DockerClientBuilder().WithEndpoint(DockerEnvironment.Endpoint).Build();
        var dead = new DockerSession(Environment.MachineName, int.MaxValue - 7, 1); // no such process
        await client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = "orch_owner_" + appName,
            Image = "orchestration/pause:1",
            Labels = new Dictionary<string, string>
            {
                [Orchestration.Sdk.Runtime.RuntimeLabels.App] = appName,
                ["io.orchestration.docker.owner"] = "a-dead-host",
                [DockerLabels.Session] = dead.Value,
            },
        });

        await using var host = await DockerOrchestrator.StartAsync(Web, appName);

        await host.WaitForPodsAsync("the restarted host's pods run", p => DockerOrchestrator.AllRunning(p, 2));
        var lease = await client.Containers.InspectContainerAsync("orch_owner_" + appName);
        Assert.NotNull(lease.Config);
        Assert.NotEqual("a-dead-host", lease.Config.Labels["io.orchestration.docker.owner"]);
        Assert.Equal(DockerSession.Current.Value, lease.Config.Labels[DockerLabels.Session]);
    }

    [DockerFact]
    public async Task HostRestartedAfterTheFirstStopped_TakesTheLease()
    {
        var appName = DockerTestRuntime.NewAppName();
        await using (var first = await DockerOrchestrator.StartAsync(Web, appName))
        {
            await first.WaitForPodsAsync("the first host's pods run", p => DockerOrchestrator.AllRunning(p, 2));
        }

        await using var second = await DockerOrchestrator.StartAsync(Web, appName);
        await second.WaitForPodsAsync("the second host's pods run", p => DockerOrchestrator.AllRunning(p, 2));
    }
}

using Docker.DotNet.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestration.Sdk.Docker.Tests.Support;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker.Tests.Runtime;

public sealed class DockerEngineTests
{
    [DockerFact]
    public async Task GetInfo_ReachableEngine_ReportsItsCpusAndMemoryAsCapacity()
    {
        await using var test = await DockerTestRuntime.CreateAsync();
        var engine = await test.Runtime.Client.System.GetSystemInfoAsync(CancellationToken.None);

        var info = await test.Runtime.GetInfoAsync(CancellationToken.None);

        Assert.Equal(engine.NCPU * 1000, info.CpuMilliCores);
        Assert.Equal(engine.MemTotal, info.MemoryBytes);
        Assert.Contains(engine.ServerVersion, info.Version, StringComparison.Ordinal);
        Assert.True(info.CpuMilliCores > 0 && info.MemoryBytes > 0);
    }

    [Fact]
    public async Task GetInfo_NothingListening_ThrowsRuntimeUnavailableNamingTheEndpoint_AfterOneAttempt()
    {
        var endpoint = $"unix:///tmp/orchestration-{Guid.NewGuid():N}.sock";
        var options = new DockerRuntimeOptions { AppName = "dt-unreachable", Endpoint = endpoint, Lifetime = DockerLifetime.Persistent };
        await using var runtime = new DockerContainerRuntime(options, TimeProvider.System, NullLoggerFactory.Instance);

        var error = await Assert.ThrowsAsync<ContainerRuntimeException>(() => runtime.GetInfoAsync(CancellationToken.None));

        Assert.Equal("RuntimeUnavailable", error.Reason);
        Assert.Contains($"Docker engine unreachable at {endpoint}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("attempts", error.Message, StringComparison.Ordinal); // the heartbeat call is tried once (HealthCheckTimeout)
        Assert.NotNull(error.InnerException);
    }

    [DockerFact]
    public async Task Sweep_LeftoversOfDeadSession_RemovedWhileLiveAndPersistentOnesStay()
    {
        await using var test = await DockerTestRuntime.CreateAsync();
        var deadSession = new DockerSession(Environment.MachineName, int.MaxValue - 1, 1).Value;
        var liveSession = DockerSession.Current.Value;
        var dead = await CreateRawAsync(test, deadSession, nameof(DockerLifetime.RemoveOnShutdown));
        var deadButPersistent = await CreateRawAsync(test, deadSession, nameof(DockerLifetime.Persistent));
        var live = await CreateRawAsync(test, liveSession, nameof(DockerLifetime.RemoveOnShutdown));

        var removed = await test.Runtime.SweepAsync(CancellationToken.None);

        Assert.Equal(1, removed);
        Assert.Null(await test.Runtime.InspectContainerAsync(dead, CancellationToken.None));
        Assert.NotNull(await test.Runtime.InspectContainerAsync(deadButPersistent, CancellationToken.None));
        Assert.NotNull(await test.Runtime.InspectContainerAsync(live, CancellationToken.None));
    }

    [DockerFact]
    public async Task Dispose_RemoveOnShutdown_RemovesContainersSandboxesAndNetwork()
    {
        var test = await DockerTestRuntime.CreateAsync();
        var sandbox = await test.RunSandboxAsync("short-lived");
        var app = await test.RunAsync(sandbox, "app", "exec sleep 600");
        await using var observer = await DockerTestRuntime.CreateAsync();

        await test.DisposeAsync();

        Assert.Null(await observer.Runtime.InspectContainerAsync(app, CancellationToken.None));
        Assert.Null(await observer.Runtime.InspectContainerAsync(sandbox.Id, CancellationToken.None));
        var networks = await observer.Runtime.Client.Networks.ListNetworksAsync(new NetworksListParameters(), CancellationToken.None);
        Assert.DoesNotContain(networks, n => n.Name == "orchestration-" + test.AppName);
    }

    [DockerFact]
    public async Task Dispose_Persistent_LeavesContainersRunningForTheNextHost()
    {
        var appName = DockerTestRuntime.NewAppName();
        var first = await DockerTestRuntime.CreateAsync(o => (o.AppName, o.Lifetime) = (appName, DockerLifetime.Persistent));
        var sandbox = await first.RunSandboxAsync("keeper");
        var app = await first.RunAsync(sandbox, "app", "exec sleep 600");

        await first.DisposeAsync();

        await using var next = await DockerTestRuntime.CreateAsync(o => o.AppName = appName);
        var adopted = await next.Runtime.ListContainersAsync(
            new Dictionary<string, string> { [RuntimeLabels.App] = appName }, CancellationToken.None);
        Assert.Equal((app, RuntimeContainerState.Running), (Assert.Single(adopted).Id, adopted[0].State));
        Assert.Equal(sandbox.IPAddress, Assert.Single(await next.Runtime.ListPodSandboxesAsync(
            new Dictionary<string, string> { [RuntimeLabels.App] = appName }, CancellationToken.None)).IPAddress);
    }

    private static async Task<string> CreateRawAsync(DockerTestRuntime test, string session, string lifetime)
    {
        var response = await test.Runtime.Client.Containers.CreateContainerAsync(
            new CreateContainerParameters
            {
                Image = TestImage.Name,
                Cmd = ["true"],
                Labels = new Dictionary<string, string>
                {
                    [RuntimeLabels.Managed] = "true",
                    [RuntimeLabels.App] = test.AppName,
                    [RuntimeLabels.Node] = test.Runtime.Options.NodeName,
                    [DockerLabels.Session] = session,
                    [DockerLabels.Lifetime] = lifetime,
                },
            },
            CancellationToken.None);
        return response.ID;
    }
}

using Microsoft.Extensions.Logging.Abstractions;
using Orchestration.Sdk.Autoscaling;
using Orchestration.Sdk.Docker.Metrics;
using Orchestration.Sdk.Docker.Tests.Support;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Docker.Tests.Runtime;

/// <summary>The engine's stats API through the runtime, and the pod metrics over it.</summary>
public sealed class DockerStatsTests
{
    [DockerFact]
    public async Task ListRunningPodContainers_PodWithTwoContainers_ListsThemButNotTheSandbox()
    {
        await using var test = await DockerTestRuntime.CreateAsync();
        var uid = Guid.NewGuid().ToString();
        var sandbox = await test.RunSandboxAsync("web-1", uid);
        var app = await test.RunAsync(sandbox, "app", "exec sleep 600");
        var sidecar = await test.RunAsync(sandbox, "sidecar", "exec sleep 600");

        var listed = await test.Runtime.Stats.ListRunningPodContainersAsync(CancellationToken.None);

        Assert.Equal(new[] { app, sidecar }.Order(), listed.Select(c => c.Id).Order());
        Assert.All(listed, c => Assert.Equal(uid, c.PodUid));
    }

    [DockerFact]
    public async Task ReadStats_BurningContainer_EnginePairAndOneShotBothParse()
    {
        await using var test = await DockerTestRuntime.CreateAsync();
        var sandbox = await test.RunSandboxAsync("burner-1");
        var request = test.Request(sandbox, "burner", "while :; do :; done") with { CpuLimitMilliCores = 200 };
        var id = await test.RunAsync(request);

        var pair = await test.Runtime.Stats.ReadStatsAsync(id, oneShot: false, CancellationToken.None);
        var oneShot = await test.Runtime.Stats.ReadStatsAsync(id, oneShot: true, CancellationToken.None);

        Assert.NotNull(pair?.PreviousCpu);
        Assert.NotNull(oneShot);
        Assert.Null(oneShot.PreviousCpu);
        Assert.True(oneShot.Cpu.TotalUsageNanoseconds >= pair.Cpu.TotalUsageNanoseconds);
        Assert.InRange((double)DockerStatsMath.CpuCores(pair.PreviousCpu, pair.Cpu)!.Value, 0.0, 0.25); // under its 200m limit
        Assert.True(DockerStatsMath.WorkingSetBytes(pair.MemoryUsage, pair.MemoryStats) > 0);
    }

    [DockerFact]
    public async Task GetUsage_RunningAndGonePods_RunningOneHasCpuAndMemory_GoneOneIsMissing()
    {
        await using var test = await DockerTestRuntime.CreateAsync();
        var uid = Guid.NewGuid().ToString();
        var sandbox = await test.RunSandboxAsync("busy-1", uid);
        await test.RunAsync(test.Request(sandbox, "busy", "while :; do :; done") with { CpuLimitMilliCores = 100 });
        IPodMetricsProvider metrics = new DockerPodMetrics(test.Runtime.Stats, TimeProvider.System, NullLogger<DockerPodMetrics>.Instance);

        var usage = await metrics.GetUsageAsync([Pod("busy-1", uid), Pod("gone-1", Guid.NewGuid().ToString())], CancellationToken.None);

        var pod = Assert.Single(usage);
        Assert.Equal("busy-1", pod.Key);
        Assert.InRange(pod.Value.Cpu!.Value.Value, 0.001m, 0.15m);
        Assert.True(pod.Value.Memory!.Value.Value > 0);
    }

    private static Pod Pod(string name, string uid) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "default", Uid = uid },
        Spec = new PodSpec(),
    };
}

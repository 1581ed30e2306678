using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Testing;
using Orchestration.Sdk.Tests.Controllers.Rollouts;

namespace Orchestration.Sdk.Tests.Diagnostics;

public class OrchestrationHealthCheckTests
{
    private static Task<TestCluster> Start(FakeTimeProvider time, Action<AppDeclaration> declare, HealthStatus? failureStatus = null) =>
        TestCluster.StartAsync(
            declare,
            nodes: n => n.Add("node-1", cpu: 4, memory: "8Gi"),
            time: time,
            configureServices: s => s.AddHealthChecks().AddOrchestrationHealthChecks(failureStatus: failureStatus, tags: ["ready"]));

    private static async Task<HealthReportEntry> Check(TestCluster cluster)
    {
        var report = await cluster.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        return Assert.Single(report.Entries, e => e.Key == "orchestration").Value;
    }

    [Fact]
    public async Task Check_AllAvailable_IsHealthyAndCounts()
    {
        await using var cluster = await Start(new FakeTimeProvider(), app => app.AddDeployment("web").WithImage("web:1").WithReplicas(2));
        await cluster.WaitForReadyReplicasAsync("web", 2);
        await cluster.WaitUntilAsync("web available", c => c.Deployment("web")!.Status.Conditions.Find(DeploymentConditionType.Available)?.IsTrue == true);

        var entry = await Check(cluster);

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal("1 deployment available, 2 pods without crash loops or scheduling failures", entry.Description);
        Assert.Contains("ready", entry.Tags);
    }

    [Fact]
    public async Task Check_DeploymentThatFitsNowhere_IsUnhealthyAndNamesDeploymentAndPod()
    {
        await using var cluster = await Start(new FakeTimeProvider(), app => app.AddDeployment("big").WithImage("big:1").WithResources(cpu: "8", memory: "1Gi"));
        await cluster.WaitUntilAsync("big unavailable and its pod unschedulable", c =>
            c.Deployment("big")!.Status.Conditions.Find(DeploymentConditionType.Available) is { Status: ConditionStatus.False }
            && c.Pods("big").Any(p => p.Status.Conditions.Find(PodConditionType.PodScheduled) is { Reason: "Unschedulable" }));
        var pod = cluster.Pods("big").Single();

        var entry = await Check(cluster);

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.StartsWith(
            "deployment default/big is not available (MinimumReplicasUnavailable: Deployment does not have minimum availability.); "
            + $"pod default/{pod.Metadata.Name} is unschedulable (Unschedulable: 0/1 nodes are available: 1 Insufficient cpu.",
            entry.Description,
            StringComparison.Ordinal);
        Assert.Equal(["default/big"], (string[])entry.Data["unavailable"]);
        Assert.Equal([$"default/{pod.Metadata.Name}"], (string[])entry.Data["unschedulable"]);
    }

    [Fact]
    public async Task Check_ContainerInCrashLoopBackOff_IsDegradedAndNamesPodAndContainer()
    {
        var time = new FakeTimeProvider();
        await using var cluster = await Start(time, app => app.AddDeployment("web").WithImage("web:1").WithReplicas(4));
        await cluster.WaitForReadyReplicasAsync("web", 4);
        var victim = cluster.Pods("web")[0].Metadata.Name;
        cluster.Nodes["node-1"].CrashContainer(victim, "web");
        await cluster.WaitUntilAsync("restarted once and running", c => c.Pods("web").Single(p => p.Metadata.Name == victim) is var p && p.Status.RestartCount == 1 && p.Status.ContainerStatuses[0].State.Running is not null);
        cluster.Nodes["node-1"].CrashContainer(victim, "web");
        await cluster.WaitUntilAsync("in CrashLoopBackOff", c => c.Pods("web").Single(p => p.Metadata.Name == victim).Status.ContainerStatuses[0].State.Waiting?.Reason == "CrashLoopBackOff");

        var entry = await Check(cluster);

        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Equal($"pod default/{victim} is crash-looping (CrashLoopBackOff: container web)", entry.Description);
        Assert.Equal([$"default/{victim}"], (string[])entry.Data["crashLooping"]);
    }

    [Fact]
    public async Task Check_RolloutPastItsDeadline_IsUnhealthyWithTheConditionsMessage()
    {
        var time = new FakeTimeProvider();
        await using var cluster = await Start(time, app => app.AddDeployment("web").WithImage("web:1").WithReplicas(3).WithProgressDeadline(TimeSpan.FromSeconds(60)));
        await cluster.WaitForReadyReplicasAsync("web", 3);
        cluster.Nodes.MakeImageNotFound("web:broken");
        await cluster.Client.ApplyAsync(RolloutInvariantTests.Image(cluster, "web:broken"));
        await cluster.AdvanceUntilAsync("progress deadline exceeded", c =>
            c.Deployment("web")!.Status.Conditions.Find(DeploymentConditionType.Progressing) is { Reason: "ProgressDeadlineExceeded" },
            time.Advance, TimeSpan.FromSeconds(5));

        var entry = await Check(cluster);

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Matches("^deployment default/web exceeded its progress deadline \\(ProgressDeadlineExceeded: ReplicaSet \"web-[a-z0-9]+\" has timed out progressing\\.\\)", entry.Description);
        Assert.DoesNotContain("is not available", entry.Description, StringComparison.Ordinal); // the old pods still serve
        Assert.Equal(["default/web"], (string[])entry.Data["progressDeadlineExceeded"]);
    }

    [Fact]
    public async Task Check_RegisteredWithDegradedFailureStatus_ReportsUnavailableAsDegraded()
    {
        await using var cluster = await Start(new FakeTimeProvider(), app => app.AddDeployment("big").WithImage("big:1").WithResources(cpu: "8", memory: "1Gi"), HealthStatus.Degraded);
        await cluster.WaitUntilAsync("big unavailable", c => c.Deployment("big")!.Status.Conditions.Find(DeploymentConditionType.Available) is { Status: ConditionStatus.False });

        var entry = await Check(cluster);

        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.StartsWith("deployment default/big is not available", entry.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void AddOrchestrationHealthChecks_BlankName_Throws(string name)
    {
        var builder = new ServiceCollection().AddHealthChecks();

        var ex = Assert.Throws<ArgumentException>(() => builder.AddOrchestrationHealthChecks(name));

        Assert.Equal("name", ex.ParamName);
    }
}

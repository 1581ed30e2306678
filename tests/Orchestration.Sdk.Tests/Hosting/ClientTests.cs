using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Testing;

namespace Orchestration.Sdk.Tests.Hosting;

public class ClientTests
{
    [Fact]
    public async Task ApplyAsync_InvalidObject_IsRejectedAndNothingChanges()
    {
        await using var cluster = await TestCluster.StartAsync(time: new FakeTimeProvider());
        var bad = new Deployment
        {
            Metadata = new ObjectMeta { Name = "web" },
            Spec = new DeploymentSpec { Replicas = -2, Selector = LabelSelector.Of(new Dictionary<string, string> { ["app"] = "web" }) },
        };

        var ex = await Assert.ThrowsAsync<DeclarationValidationException>(() => cluster.Client.ApplyAsync(bad));

        Assert.Contains("deployments[web].spec.replicas: Invalid value: -2: must be greater than or equal to 0", ex.Message, StringComparison.Ordinal);
        Assert.Null(await cluster.Client.GetAsync<Deployment>("web"));
    }

    [Fact]
    public async Task ApplyAsync_Twice_UpdatesSpecInPlace()
    {
        var app = new AppDeclaration();
        app.AddDeployment("web").WithImage("web:1").WithReplicas(1);
        await using var cluster = await TestCluster.StartAsync(time: new FakeTimeProvider());

        await cluster.Client.ApplyAsync(app);
        var first = await cluster.Client.GetAsync<Deployment>("web");
        app.AddDeployment("db").WithImage("db:1");
        var again = new AppDeclaration();
        again.AddDeployment("web").WithImage("web:1").WithReplicas(2);
        await cluster.Client.ApplyAsync(again);

        var second = await cluster.Client.GetAsync<Deployment>("web");
        Assert.Equal(first!.Metadata.Uid, second!.Metadata.Uid);
        Assert.Equal(2, second.Spec.Replicas);
        await cluster.WaitForReadyReplicasAsync("web", 2);
    }

    [Fact]
    public async Task ScaleAsync_NegativeOrMissing_ClearErrors()
    {
        await using var cluster = await TestCluster.StartAsync(app => app.AddDeployment("web").WithImage("web:1"), time: new FakeTimeProvider());

        var negative = await Assert.ThrowsAsync<DeclarationValidationException>(() => cluster.Client.ScaleAsync("web", -1));
        var missing = await Assert.ThrowsAsync<NotFoundException>(() => cluster.Client.ScaleAsync("nope", 1));

        Assert.Contains("must be greater than or equal to 0", negative.Message, StringComparison.Ordinal);
        Assert.Equal("deployments \"nope\" not found", missing.Message);
        Assert.Equal(1, (await cluster.Client.GetAsync<Deployment>("web"))!.Spec.Replicas);
    }

    [Fact]
    public async Task WatchAsync_FromListVersion_SeesLaterPodChanges()
    {
        await using var cluster = await TestCluster.StartAsync(time: new FakeTimeProvider());
        var app = new AppDeclaration();
        app.AddPod("one").WithImage("x:1");

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var seen = new List<WatchEventType>();
        var watching = Task.Run(async () =>
        {
            await foreach (var e in cluster.Client.WatchAsync<Pod>(fromVersion: 0, cts.Token))
            {
                seen.Add(e.Type);
                if (e.Type == WatchEventType.Added)
                {
                    return e.Object!.Metadata.Name;
                }
            }

            return null;
        });
        await cluster.Client.ApplyAsync(app);

        Assert.Equal("one", await watching);
    }

    [Fact]
    public async Task GetLogsAsync_ReadsCurrentAndPreviousInstance()
    {
        await using var cluster = await TestCluster.StartAsync(app => app.AddDeployment("web").WithImage("web:1"), time: new FakeTimeProvider());
        await cluster.WaitForReadyReplicasAsync("web", 1);
        var pod = cluster.Pods("web")[0];
        var node = cluster.Nodes[pod.Spec.NodeName!];
        node.AppendLog(pod.Metadata.Name, "web", "first instance says hi");
        node.CrashContainer(pod.Metadata.Name, "web", exitCode: 2);
        await cluster.WaitUntilAsync("restarted", c => c.Pods("web")[0].Status is { RestartCount: 1, IsReady: true });
        node.AppendLog(pod.Metadata.Name, "web", "second instance");

        var previous = await cluster.Client.GetLogsAsync(pod.Metadata.Name, previous: true);
        var current = await cluster.Client.GetLogsAsync(pod.Metadata.Name);

        Assert.Contains("first instance says hi", previous, StringComparison.Ordinal);
        Assert.DoesNotContain("second instance", previous, StringComparison.Ordinal);
        Assert.Contains("second instance", current, StringComparison.Ordinal);
    }
}

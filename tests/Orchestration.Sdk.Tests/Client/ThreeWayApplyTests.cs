using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Configuration;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime.InMemory;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Testing;

namespace Orchestration.Sdk.Tests.Client;

/// <summary>Re-applying a declaration merges three ways, as kubectl apply: live changes survive unless the declaration changed the field.</summary>
public sealed class ThreeWayApplyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("three-way-").FullName;

    private string StorePath => Path.Combine(_dir, "store.json");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Reapply_KeepsAScaledReplicaCount_UntilTheDeclarationChangesIt()
    {
        await using var cluster = await TestCluster.StartAsync(Web("web:1", 2), time: new FakeTimeProvider());
        await cluster.Client.ScaleAsync("web", 5);

        await cluster.Client.ApplyAsync(Declaration(Web("web:1", 2)));
        var unchanged = await cluster.Client.GetAsync<Deployment>("web");
        await cluster.Client.ApplyAsync(Declaration(Web("web:2", 2)));
        var newImage = await cluster.Client.GetAsync<Deployment>("web");
        await cluster.Client.ApplyAsync(Declaration(Web("web:2", 3)));
        var newCount = await cluster.Client.GetAsync<Deployment>("web");

        Assert.Equal(5, unchanged!.Spec.Replicas);
        Assert.Equal((5, "web:2"), (newImage!.Spec.Replicas, newImage.Spec.Template.Spec.Containers[0].Image));
        Assert.Equal(3, newCount!.Spec.Replicas);
    }

    [Fact]
    public async Task HostRestart_WithAnUnchangedDeclaration_KeepsTheReplicaCountSetLive()
    {
        var time = new FakeTimeProvider();
        var nodes = new InMemoryCluster(time);
        nodes.Add("n1");
        void Services(IServiceCollection s)
        {
            s.AddSingleton(nodes);
            s.Configure<StoreOptions>(o => o.PersistencePath = StorePath);
        }

        await using (var first = await TestCluster.StartAsync(Web("web:1", 1), time: time, configureServices: Services))
        {
            await first.Client.ScaleAsync("web", 3);
            await first.WaitForReadyReplicasAsync("web", 3);
        }

        await using var second = await TestCluster.StartAsync(Web("web:1", 1), time: time, configureServices: Services);

        Assert.Equal(3, (await second.Client.GetAsync<Deployment>("web"))!.Spec.Replicas);
        await second.WaitForReadyReplicasAsync("web", 3);
    }

    [Fact]
    public async Task Reapply_RemovesALabelTheDeclarationDropped_AndKeepsOneSetLive()
    {
        await using var cluster = await TestCluster.StartAsync(app => app.AddConfigMap("settings").WithLabel("team", "a").WithValue("k", "1"), time: new FakeTimeProvider());
        var store = cluster.Services.GetRequiredService<ResourceStore>();
        var live = (await cluster.Client.GetAsync<ConfigMap>("settings"))!;
        store.Update(live with { Metadata = live.Metadata with { Labels = new Dictionary<string, string>(live.Metadata.Labels) { ["owner"] = "ops" } } }); // as kubectl label

        await cluster.Client.ApplyAsync(Declaration(app => app.AddConfigMap("settings").WithValue("k", "2")));
        var after = (await cluster.Client.GetAsync<ConfigMap>("settings"))!;

        Assert.False(after.Metadata.Labels.ContainsKey("team"), "a label the declaration dropped is removed");
        Assert.Equal("ops", after.Metadata.Labels["owner"]);
        Assert.Equal("2", after.Data["k"]);
    }

    [Fact]
    public async Task Secrets_AreAppliedTwoWay_AndCarryNoLastAppliedCopy()
    {
        await using var cluster = await TestCluster.StartAsync(app => app.AddSecret("s").WithValue("password", "hunter2"), time: new FakeTimeProvider());

        await cluster.Client.ApplyAsync(Declaration(app => app.AddSecret("s").WithValue("password", "changed")));
        var secret = (await cluster.Client.GetAsync<Secret>("s"))!;
        var deployment = await TestCluster.StartAsync(Web("web:1", 1), time: new FakeTimeProvider());
        await using var _ = deployment;

        Assert.False(secret.Metadata.Annotations.ContainsKey(WellKnownAnnotations.LastApplied));
        Assert.True((await deployment.Client.GetAsync<Deployment>("web"))!.Metadata.Annotations.ContainsKey(WellKnownAnnotations.LastApplied));
    }

    private static Action<AppDeclaration> Web(string image, int replicas) => app => app.AddDeployment("web").WithImage(image).WithReplicas(replicas);

    private static AppDeclaration Declaration(Action<AppDeclaration> declare)
    {
        var app = new AppDeclaration();
        declare(app);
        return app;
    }
}

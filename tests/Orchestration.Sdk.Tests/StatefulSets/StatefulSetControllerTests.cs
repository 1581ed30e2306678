using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.StatefulSets;
using Orchestration.Sdk.Storage;
using Orchestration.Sdk.Testing;

namespace Orchestration.Sdk.Tests.StatefulSets;

/// <summary>StatefulSets on the in-memory cluster: stable names and claims, ordered start, scale-down, partitioned rolling updates.</summary>
public class StatefulSetControllerTests
{
    [Fact]
    public async Task OrderedReady_FirstPodNeverReady_NextOrdinalsWaitThenAllStartInOrder()
    {
        var time = new FakeTimeProvider();
        await using var cluster = await TestCluster.StartAsync(nodes: n => n.Add("node-1"), time: time);
        cluster.Nodes.CrashImageOnStart("postgres:16");
        await cluster.Client.ApplyAsync(Db(replicas: 3));

        await cluster.WaitUntilAsync("db-0 crash-loops", c => c.Pods("db") is [{ Metadata.Name: "db-0" } p] && p.Status.RestartCount >= 1);
        Assert.Equal(["db-0"], cluster.Pods("db").Select(p => p.Metadata.Name));

        cluster.Nodes.RestoreImage("postgres:16");
        await cluster.AdvanceUntilAsync("three ready pods", c => Set(c)?.Status.ReadyReplicas == 3, time.Advance, TimeSpan.FromSeconds(5));

        Assert.Equal(["db-0", "db-1", "db-2"], cluster.Pods("db").Select(p => p.Metadata.Name));
        var created = cluster.Pods("db").Select(p => p.Metadata.CreationTimestamp).ToList();
        Assert.Equal(created.Order(), created);
    }

    [Fact]
    public async Task Parallel_FirstPodNeverReady_AllOrdinalsAreCreated()
    {
        await using var cluster = await TestCluster.StartAsync(nodes: n => n.Add("node-1"), time: new FakeTimeProvider());
        cluster.Nodes.CrashImageOnStart("postgres:16");

        await cluster.Client.ApplyAsync(Db(replicas: 3, parallel: true));

        await cluster.WaitUntilAsync("three pods exist", c => c.Pods("db").Count == 3);
        Assert.Equal(["db-0", "db-1", "db-2"], cluster.Pods("db").Select(p => p.Metadata.Name));
    }

    [Fact]
    public async Task VolumeClaimTemplates_EachReplicaKeepsItsClaimAndDataWhenReplaced_ScaleDownKeepsClaims()
    {
        await using var cluster = await TestCluster.StartAsync(nodes: n => { n.Add("node-1"); n.Add("node-2"); }, time: new FakeTimeProvider());
        await cluster.Client.ApplyAsync(Db(replicas: 3));
        await cluster.WaitUntilAsync("three ready pods", c => Set(c)?.Status.ReadyReplicas == 3);

        var claims = await cluster.Client.ListAsync<PersistentVolumeClaim>();
        Assert.Equal(["data-db-0", "data-db-1", "data-db-2"], claims.Select(c => c.Metadata.Name).Order());
        var db1 = cluster.Pods("db").Single(p => p.Metadata.Name == "db-1");
        Assert.Equal("data-db-1", db1.Spec.Volumes.Single(v => v.Name == "data").PersistentVolumeClaim!.ClaimName);
        cluster.Nodes[db1.Spec.NodeName!].WriteFile("db-1", "db", "/var/lib/db/rows", "replica one");

        await cluster.Client.DeleteAsync<Pod>("db-1");
        await cluster.WaitUntilAsync("db-1 is back", c => c.Pods("db").SingleOrDefault(p => p.Metadata.Name == "db-1") is { } p
            && p.Metadata.Uid != db1.Metadata.Uid && p.Status.IsReady);
        var again = cluster.Pods("db").Single(p => p.Metadata.Name == "db-1");
        Assert.Equal(db1.Spec.NodeName, again.Spec.NodeName);
        Assert.Equal("replica one", cluster.Nodes[again.Spec.NodeName!].ReadFile("db-1", "db", "/var/lib/db/rows"));

        await cluster.Client.ApplyAsync(Db(replicas: 1));
        await cluster.WaitUntilAsync("one pod left", c => c.Pods("db") is [{ Metadata.Name: "db-0" }] && Set(c)?.Status.Replicas == 1);
        Assert.Equal(3, (await cluster.Client.ListAsync<PersistentVolumeClaim>()).Count);
    }

    [Fact]
    public async Task RollingUpdate_Partition_UpdatesFromTheHighestOrdinalDownToThePartition()
    {
        await using var cluster = await TestCluster.StartAsync(nodes: n => n.Add("node-1"), time: new FakeTimeProvider());
        await cluster.Client.ApplyAsync(Db(replicas: 3, partition: 1));
        await cluster.WaitUntilAsync("three ready pods", c => Set(c)?.Status.ReadyReplicas == 3);
        var first = Set(cluster)!.Status.UpdateRevision;
        Assert.Equal(first, Set(cluster)!.Status.CurrentRevision);

        await cluster.Client.ApplyAsync(Db(replicas: 3, partition: 1, image: "postgres:17"));
        await cluster.WaitUntilAsync("db-1 and db-2 updated", c => Set(c)?.Status is { UpdatedReplicas: 2, ReadyReplicas: 3 } s && s.UpdateRevision != first);

        Assert.Equal(["postgres:16", "postgres:17", "postgres:17"], cluster.Pods("db").Select(p => p.Spec.Containers[0].Image));
        var status = Set(cluster)!.Status;
        Assert.Equal((first, 1), (status.CurrentRevision, status.CurrentReplicas));

        await cluster.Client.ApplyAsync(Db(replicas: 3, partition: 0, image: "postgres:17"));
        await cluster.WaitUntilAsync("all updated", c => Set(c)?.Status is { UpdatedReplicas: 3, ReadyReplicas: 3 } s && s.CurrentRevision == s.UpdateRevision);
        Assert.All(cluster.Pods("db"), p => Assert.Equal("postgres:17", p.Spec.Containers[0].Image));
    }

    private static StatefulSet? Set(TestCluster cluster) => cluster.Client.GetAsync<StatefulSet>("db").GetAwaiter().GetResult();

    private static AppDeclaration Db(int replicas, bool parallel = false, int partition = 0, string image = "postgres:16")
    {
        var app = new AppDeclaration();
        app.AddStatefulSet("db").WithImage(image).WithReplicas(replicas)
            .WithPodManagementPolicy(parallel ? PodManagementPolicy.Parallel : PodManagementPolicy.OrderedReady)
            .WithRollingUpdate(partition)
            .WithVolumeClaimTemplate("data", "1Gi", "/var/lib/db");
        return app;
    }
}

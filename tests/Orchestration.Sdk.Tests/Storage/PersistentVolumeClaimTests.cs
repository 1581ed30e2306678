using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Storage;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Testing;

namespace Orchestration.Sdk.Tests.Storage;

/// <summary>Claims on the in-memory cluster: bound on the first pod's node, pods follow them there, data outlives pods, reclaim policy.</summary>
public class PersistentVolumeClaimTests
{
    private static readonly Action<Orchestration.Sdk.Runtime.InMemory.InMemoryCluster> ThreeNodes = n =>
    {
        n.Add("node-1");
        n.Add("node-2", labels: new Dictionary<string, string> { ["disk"] = "ssd" });
        n.Add("node-3");
    };

    [Fact]
    public async Task Claim_FirstPodScheduled_BindsOnItsNodeAndDataSurvivesReplacements()
    {
        await using var cluster = await TestCluster.StartAsync(app =>
        {
            app.AddPersistentVolumeClaim("data").WithStorage("1Gi");
            app.AddDeployment("db").WithImage("postgres:16").WithPersistentVolumeClaim("data", "data", "/var/lib/postgresql/data");
        }, ThreeNodes, new FakeTimeProvider());
        await cluster.WaitForReadyReplicasAsync("db", 1);
        var first = Assert.Single(cluster.Pods("db"));
        var claim = await WaitForBoundAsync(cluster, "data");
        Assert.Equal(first.Spec.NodeName, claim.SelectedNode);
        Assert.Equal("pvc-" + claim.Metadata.Uid, claim.Spec.VolumeName);
        Assert.Equal(Quantity.Parse("1Gi"), claim.Status.Capacity);
        Assert.Equal([PersistentVolumeAccessMode.ReadWriteOnce], claim.Status.AccessModes);
        var node = cluster.Nodes[first.Spec.NodeName!];
        node.WriteFile(first.Metadata.Name, "db", "/var/lib/postgresql/data/rows", "1,alice");

        node.CrashContainer(first.Metadata.Name, "db");
        await cluster.WaitUntilAsync("db restarted", c => c.Pods("db").Single().Status.ContainerStatuses.Single() is { RestartCount: 1, Ready: true });
        Assert.Equal("1,alice", node.ReadFile(first.Metadata.Name, "db", "/var/lib/postgresql/data/rows"));

        for (var i = 0; i < 3; i++)
        {
            var current = cluster.Pods("db").Single(p => p.Metadata.DeletionTimestamp is null);
            await cluster.Client.DeleteAsync<Pod>(current.Metadata.Name);
            await cluster.WaitUntilAsync("a replacement is ready", c =>
                c.Pods("db") is [var p] && p.Metadata.Uid != current.Metadata.Uid && p.Status.ContainerStatuses is [{ Ready: true }]);
            var replacement = cluster.Pods("db").Single();
            Assert.Equal(first.Spec.NodeName, replacement.Spec.NodeName);
            Assert.Equal("1,alice", node.ReadFile(replacement.Metadata.Name, "db", "/var/lib/postgresql/data/rows"));
        }
    }

    [Fact]
    public async Task Claim_RollingUpdateToANewImage_TheNewRevisionsPodReadsTheOldData()
    {
        static void Declare(AppDeclaration app, string image)
        {
            app.AddPersistentVolumeClaim("data").WithStorage("1Gi");
            app.AddDeployment("db").WithImage(image).WithPersistentVolumeClaim("data", "data", "/var/lib/postgresql/data");
        }

        await using var cluster = await TestCluster.StartAsync(app => Declare(app, "postgres:16"), ThreeNodes, new FakeTimeProvider());
        await cluster.WaitForReadyReplicasAsync("db", 1);
        var first = Assert.Single(cluster.Pods("db"));
        var node = cluster.Nodes[first.Spec.NodeName!];
        node.WriteFile(first.Metadata.Name, "db", "/var/lib/postgresql/data/rows", "1,alice");

        var next = new AppDeclaration();
        Declare(next, "postgres:17");
        await cluster.Client.ApplyAsync(next);
        await cluster.WaitUntilAsync("only a postgres:17 pod is left, ready", c =>
            c.Pods("db") is [var p] && p.Spec.Containers[0].Image == "postgres:17" && p.Status.ContainerStatuses is [{ Ready: true }]);

        var rolled = cluster.Pods("db").Single();
        Assert.NotEqual(first.Metadata.Uid, rolled.Metadata.Uid);
        Assert.Equal(first.Spec.NodeName, rolled.Spec.NodeName); // the claim's node
        Assert.Equal("1,alice", node.ReadFile(rolled.Metadata.Name, "db", "/var/lib/postgresql/data/rows"));
    }

    [Fact]
    public async Task Pod_ClaimMissing_StaysPendingWithKubernetesReasonUntilCreated()
    {
        await using var cluster = await TestCluster.StartAsync(
            app => app.AddDeployment("db").WithImage("postgres:16").WithPersistentVolumeClaim("data", "data", "/data"),
            ThreeNodes, new FakeTimeProvider());

        await cluster.WaitUntilAsync("db unschedulable", c => c.Pods("db").SingleOrDefault()?.Status.Conditions.Find(PodConditionType.PodScheduled) is
            { Status: ConditionStatus.False, Reason: "Unschedulable", Message: "0/3 nodes are available: 3 persistentvolumeclaim \"data\" not found." });

        var app = new AppDeclaration();
        app.AddPersistentVolumeClaim("data").WithStorage("1Gi");
        await cluster.Client.ApplyAsync(app);
        await cluster.WaitForReadyReplicasAsync("db", 1);
    }

    [Fact]
    public async Task Pod_ClaimOnACordonedNode_IsRejectedElsewhereWithVolumeNodeAffinityConflict()
    {
        await using var cluster = await TestCluster.StartAsync(app =>
        {
            app.AddPersistentVolumeClaim("data").WithStorage("1Gi");
            app.AddDeployment("db").WithImage("postgres:16").WithPersistentVolumeClaim("data", "data", "/data").WithNodeSelector("disk", "ssd");
        }, ThreeNodes, new FakeTimeProvider());
        await cluster.WaitForReadyReplicasAsync("db", 1);
        Assert.Equal("node-2", (await WaitForBoundAsync(cluster, "data")).SelectedNode);

        cluster.Services.GetRequiredService<ResourceStore>().Mutate<Node>(new ObjectKey(Node.KindName, string.Empty, "node-2"), n => n with { Spec = n.Spec with { Unschedulable = true } });

        var app = new AppDeclaration();
        app.AddDeployment("reader").WithImage("busybox").WithPersistentVolumeClaim("data", "data", "/data", readOnly: true);
        await cluster.Client.ApplyAsync(app);

        await cluster.WaitUntilAsync("reader unschedulable", c => c.Pods("reader").SingleOrDefault()?.Status.Conditions.Find(PodConditionType.PodScheduled) is
            { Status: ConditionStatus.False, Message: "0/3 nodes are available: 1 node(s) were unschedulable, 2 node(s) had volume node affinity conflict." });
    }

    [Fact]
    public async Task Claim_UpdatedSpec_IsRefusedAsImmutable()
    {
        await using var cluster = await TestCluster.StartAsync(app => app.AddPersistentVolumeClaim("data").WithStorage("1Gi"), ThreeNodes, new FakeTimeProvider());
        var claim = (await cluster.Client.GetAsync<PersistentVolumeClaim>("data"))!;

        var ex = await Assert.ThrowsAnyAsync<OrchestrationException>(() => cluster.Client.ApplyAsync(claim with
        {
            Spec = claim.Spec with { AccessModes = [PersistentVolumeAccessMode.ReadWriteMany] },
        }));

        Assert.Contains("persistentvolumeclaims[data].spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims", ex.Message, StringComparison.Ordinal);
        Assert.Equal([PersistentVolumeAccessMode.ReadWriteOnce], (await cluster.Client.GetAsync<PersistentVolumeClaim>("data"))!.Spec.AccessModes);
    }

    [Theory]
    [InlineData(PersistentVolumeReclaimPolicy.Retain, true)]
    [InlineData(PersistentVolumeReclaimPolicy.Delete, false)]
    public async Task Claim_Deleted_KeepsOrRemovesTheVolumeAsItsReclaimPolicySays(PersistentVolumeReclaimPolicy policy, bool kept)
    {
        var time = new FakeTimeProvider();
        await using var cluster = await TestCluster.StartAsync(app =>
        {
            app.AddPersistentVolumeClaim("data").WithStorage("1Gi").WithReclaimPolicy(policy);
            app.AddDeployment("db").WithImage("postgres:16").WithPersistentVolumeClaim("data", "data", "/data");
        }, n => n.Add("node-1"), time);
        await cluster.WaitForReadyReplicasAsync("db", 1);
        var claim = await WaitForBoundAsync(cluster, "data");
        var node = cluster.Nodes["node-1"];
        Assert.Contains(claim.Spec.VolumeName!, node.VolumeIds);

        await cluster.Client.DeleteAsync<Deployment>("db");
        await cluster.WaitUntilAsync("db's pods are gone", c => c.Pods("db").Count == 0);
        await cluster.Client.DeleteAsync<PersistentVolumeClaim>("data");
        await cluster.AdvanceUntilAsync("the claim is gone", c => c.Client.GetAsync<PersistentVolumeClaim>("data").GetAwaiter().GetResult() is null, time.Advance, TimeSpan.FromSeconds(1));

        Assert.Equal(kept, node.VolumeIds.Contains(claim.Spec.VolumeName!));
    }

    private static async Task<PersistentVolumeClaim> WaitForBoundAsync(TestCluster cluster, string name)
    {
        PersistentVolumeClaim? claim = null;
        await cluster.WaitUntilAsync($"claim {name} bound", c =>
            (claim = c.Client.GetAsync<PersistentVolumeClaim>(name).GetAwaiter().GetResult()) is { Status.Phase: PersistentVolumeClaimPhase.Bound });
        return claim!;
    }
}

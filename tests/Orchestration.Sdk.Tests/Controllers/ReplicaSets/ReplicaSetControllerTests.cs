using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Tests.Controllers;

namespace Orchestration.Sdk.Tests.Controllers.ReplicaSets;

public class ReplicaSetControllerTests
{
    [Fact]
    public async Task Scale_UpThenDown_PrefersDeletingUnscheduledThenNotReadyThenNewest()
    {
        await using var h = new ControllerHarness();
        var d = h.Store.Create(ControllerHarness.NewDeployment("web", 2));
        await h.WaitUntil("2 pods", () => h.Pods("web").Count == 2);
        h.MakeAllPodsReady();
        var readyPods = h.Pods("web").Select(p => p.Metadata.Name).ToHashSet();

        h.Store.Mutate<Deployment>(d.Key, x => x with { Spec = x.Spec with { Replicas = 4 } });
        await h.WaitUntil("4 pods", () => h.Pods("web").Count == 4);

        // One of the new pods gets bound but not ready; the other stays unscheduled.
        var fresh = h.Pods("web").Where(p => !readyPods.Contains(p.Metadata.Name)).ToList();
        h.Store.Mutate<Pod>(fresh[0].Key, p => p with { Spec = p.Spec with { NodeName = "n1" } });

        h.Store.Mutate<Deployment>(d.Key, x => x with { Spec = x.Spec with { Replicas = 2 } });
        await h.WaitUntil("2 active pods", () => h.Pods("web").Count(p => !p.IsTerminating()) == 2);

        var survivors = h.Pods("web").Where(p => !p.IsTerminating()).Select(p => p.Metadata.Name).ToHashSet();
        Assert.Equal(readyPods, survivors);
        Assert.Null(h.Store.Get<Pod>(fresh[1].Key)); // unscheduled: deleted at once
        Assert.True(h.Store.Get<Pod>(fresh[0].Key)!.IsTerminating()); // bound: graceful
    }

    [Fact]
    public async Task Reconcile_StandaloneReplicaSet_CreatesOwnedPodsFromItsTemplate()
    {
        await using var h = new ControllerHarness();
        var rs = h.Store.Create(NewReplicaSet("cache", 3));

        await h.WaitUntil("3 pods of ReplicaSet cache", () => h.Pods("cache").Count == 3);

        Assert.All(h.Pods("cache"), p =>
        {
            Assert.Equal(rs.Metadata.Uid, p.Metadata.Controller!.Uid);
            Assert.StartsWith("cache-", p.Metadata.Name, StringComparison.Ordinal);
            Assert.Null(p.Spec.NodeName);
            Assert.Equal("cache:1", Assert.Single(p.Spec.Containers).Image);
        });
    }

    [Fact]
    public async Task Reconcile_PodDeleted_CreatesReplacement()
    {
        await using var h = new ControllerHarness();
        h.Store.Create(NewReplicaSet("cache", 2));
        await h.WaitUntil("2 pods", () => h.Pods("cache").Count == 2);
        var gone = h.Pods("cache")[0];

        h.Store.Delete(gone.Key);

        await h.WaitUntil("a replacement pod", () => h.Pods("cache").Count == 2 && h.Pods("cache").All(p => p.Metadata.Name != gone.Metadata.Name));
        Assert.Equal(2, h.Store.Get<ReplicaSet>(new ObjectKey(ReplicaSet.KindName, "default", "cache"))!.Spec.Replicas);
    }

    /// <summary>A standalone ReplicaSet whose pods run the image "name:1"; shared with the slow-start tests.</summary>
    internal static ReplicaSet NewReplicaSet(string name, int replicas) => new()
    {
        Metadata = new ObjectMeta { Name = name },
        Spec = new ReplicaSetSpec
        {
            Replicas = replicas,
            Selector = LabelSelector.Of(new Dictionary<string, string> { ["app"] = name }),
            Template = new PodTemplateSpec
            {
                Labels = new Dictionary<string, string> { ["app"] = name },
                Spec = new PodSpec { Containers = [new Container { Name = name, Image = name + ":1" }] },
            },
        },
    };
}

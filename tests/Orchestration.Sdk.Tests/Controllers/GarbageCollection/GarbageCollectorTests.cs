using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Tests.Controllers;

namespace Orchestration.Sdk.Tests.Controllers.GarbageCollection;

public class GarbageCollectorTests
{
    [Fact]
    public async Task Delete_Deployment_GarbageCollectsReplicaSetsAndPods()
    {
        await using var h = new ControllerHarness();
        var d = h.Store.Create(ControllerHarness.NewDeployment("web", 3));
        await h.WaitUntil("3 pods", () => h.Pods("web").Count == 3);

        h.Store.Delete(d.Key);

        await h.WaitUntil("no ReplicaSets and no pods", () =>
            h.Store.List<ReplicaSet>(ReplicaSet.KindName).Items.Count == 0 && h.Pods("web").Count == 0);
    }

    [Fact]
    public async Task Collect_PodWhoseOwnerIsGone_DeletesIt()
    {
        await using var h = new ControllerHarness();
        h.Store.Create(new Pod
        {
            Metadata = new ObjectMeta
            {
                Name = "orphan",
                Labels = new Dictionary<string, string> { ["app"] = "orphan" },
                OwnerReferences = [new OwnerReference(ReplicaSet.KindName, "gone", "no-such-uid")],
            },
            Spec = new PodSpec { Containers = [new Container { Name = "web", Image = "web:1" }] },
        });

        await h.WaitUntil("the orphaned pod is collected", () => h.Pods("orphan").Count == 0);
    }

    [Fact]
    public async Task Collect_PodWithoutOwners_KeepsIt()
    {
        await using var h = new ControllerHarness();
        var keep = h.Store.Create(new Pod
        {
            Metadata = new ObjectMeta { Name = "solo", Labels = new Dictionary<string, string> { ["app"] = "solo" } },
            Spec = new PodSpec { Containers = [new Container { Name = "web", Image = "web:1" }] },
        });
        var d = h.Store.Create(ControllerHarness.NewDeployment("web", 1));
        await h.WaitUntil("1 pod of web", () => h.Pods("web").Count == 1);
        h.Store.Delete(d.Key);

        await h.WaitUntil("web's pods are collected", () => h.Pods("web").Count == 0);
        Assert.NotNull(h.Store.Get<Pod>(keep.Key));
    }
}

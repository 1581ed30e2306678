using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Client;
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

    [Fact]
    public async Task DeleteForeground_Deployment_StaysWithFinalizerUntilItsPodsAreGone()
    {
        await using var h = new ControllerHarness();
        var d = h.Store.Create(ControllerHarness.NewDeployment("web", 2));
        await h.WaitUntil("2 pods", () => h.Pods("web").Count == 2);
        h.MakeAllPodsReady(); // bound pods are deleted gracefully: they stay terminating until their node agent removes them

        var marked = h.Store.Delete(d.Key, DeletionPropagation.Foreground, null, h.Time.GetUtcNow());

        Assert.NotNull(marked.Metadata.DeletionTimestamp);
        Assert.Equal([WellKnownFinalizers.ForegroundDeletion], marked.Metadata.Finalizers);
        await h.WaitUntil("both pods terminating, the ReplicaSet deleting in the foreground", () =>
            h.Pods("web").Count == 2 && h.Pods("web").All(p => p.IsTerminating()) &&
            h.Store.List<ReplicaSet>(ReplicaSet.KindName).Items is [{ Metadata.DeletionTimestamp: not null } rs] && rs.Metadata.Finalizers.Contains(WellKnownFinalizers.ForegroundDeletion));
        Assert.NotNull(h.Store.Get<Deployment>(d.Key));

        foreach (var pod in h.Pods("web"))
        {
            h.Store.Delete(pod.Key); // the node agent finishing
        }

        await h.WaitUntil("the ReplicaSet and then the Deployment removed", () =>
            h.Store.Get<Deployment>(d.Key) is null && h.Store.List<ReplicaSet>(ReplicaSet.KindName).Items.Count == 0);
    }

    [Fact]
    public async Task DeleteForeground_UpdateDoesNotClearTheDeletion()
    {
        await using var h = new ControllerHarness();
        var d = h.Store.Create(ControllerHarness.NewDeployment("web", 1));
        await h.WaitUntil("1 pod", () => h.Pods("web").Count == 1);
        h.MakeAllPodsReady();
        var marked = (Deployment)h.Store.Delete(d.Key, DeletionPropagation.Foreground, null, h.Time.GetUtcNow());

        var updated = h.Store.Update(marked with { Metadata = marked.Metadata with { DeletionTimestamp = null } });

        Assert.Equal(marked.Metadata.DeletionTimestamp, updated.Metadata.DeletionTimestamp);
    }

    [Fact]
    public async Task DeleteOrphan_Deployment_KeepsReplicaSetAndPodsWithoutTheOwner()
    {
        await using var h = new ControllerHarness();
        var d = h.Store.Create(ControllerHarness.NewDeployment("web", 2));
        await h.WaitUntil("2 pods", () => h.Pods("web").Count == 2);

        h.Store.Delete(d.Key, DeletionPropagation.Orphan, null, h.Time.GetUtcNow());
        h.Store.Create(ControllerHarness.NewDeployment("marker", 1)); // a later change the collector processes after the delete
        await h.WaitUntil("the marker's pod", () => h.Pods("marker").Count == 1);

        Assert.Null(h.Store.Get<Deployment>(d.Key));
        var rs = Assert.Single(h.Store.List<ReplicaSet>(ReplicaSet.KindName).Items, r => r.Metadata.Name.StartsWith("web-", StringComparison.Ordinal));
        Assert.Empty(rs.Metadata.OwnerReferences);
        Assert.Equal(2, h.Pods("web").Count);
    }

    [Fact]
    public async Task DeleteOwner_ItsDeleteEventAloneCollectsTheDependents_NoResync()
    {
        // The clock never moves, so no periodic resync can run: only the informers' events drive the collector.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var h = new ControllerHarness(time);
        var keep = h.Store.Create(ControllerHarness.NewDeployment("keep", 1));
        var d = h.Store.Create(ControllerHarness.NewDeployment("web", 2));
        await h.WaitUntil("2 pods of web, 1 of keep", () => h.Pods("web").Count == 2 && h.Pods("keep").Count == 1);

        h.Store.Delete(d.Key);

        await h.WaitUntil("web's ReplicaSet and pods collected", () =>
            h.Pods("web").Count == 0 && h.Store.List<ReplicaSet>(ReplicaSet.KindName).Items.All(r => r.Metadata.Name.StartsWith("keep-", StringComparison.Ordinal)));
        Assert.Equal(time.Start, time.GetUtcNow());
        Assert.Single(h.Pods("keep"));
        Assert.NotNull(h.Store.Get<Deployment>(keep.Key));
    }
}

using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Model;
using static Orchestration.Sdk.Tests.Informers.InformerFixtures;

namespace Orchestration.Sdk.Tests.Informers;

/// <summary>
/// The cache skips re-filing an index when a cheap test says an update kept its values; these pin that every kind of
/// change that does move a value (labels, owner, node) is still re-filed, and that an unchanged one stays filed.
/// </summary>
public sealed class InformerCacheTests
{
    [Fact]
    public void Put_UpdateKeepingTheValues_StaysFiledUnderThem()
    {
        var cache = new InformerCache();
        var owner = new OwnerReference("ReplicaSet", "rs", "uid-1");
        var pod = NewPod("a", app: "web", owner: owner);
        cache.Put(pod);

        var statusOnly = pod with { Metadata = pod.Metadata with { ResourceVersion = 9 }, Status = pod.Status with { Phase = PodPhase.Running } };
        cache.Put(statusOnly);

        Assert.Same(statusOnly, Assert.Single(cache.ByIndex(InformerIndexes.Label, "app=web")));
        Assert.Same(statusOnly, Assert.Single(cache.ByIndex(InformerIndexes.Owner, "uid-1")));
        Assert.Same(statusOnly, Assert.Single(cache.ByIndex(InformerIndexes.Namespace, "default")));
        Assert.Empty(cache.ByIndex(InformerIndexes.Node, "n1"));
    }

    [Fact]
    public void Put_UpdateMovingTheValues_RefilesEachIndex()
    {
        var cache = new InformerCache();
        var pod = NewPod("a", app: "web", owner: new OwnerReference("ReplicaSet", "rs", "uid-1"));
        cache.Put(pod);

        var moved = Relabel(pod, "api") with
        {
            Spec = pod.Spec with { NodeName = "n1" },
        };
        moved = moved with { Metadata = moved.Metadata with { OwnerReferences = [new OwnerReference("ReplicaSet", "rs2", "uid-2")] } };
        cache.Put(moved);

        Assert.Empty(cache.ByIndex(InformerIndexes.Label, "app=web"));
        Assert.Same(moved, Assert.Single(cache.ByIndex(InformerIndexes.Label, "app=api")));
        Assert.Empty(cache.ByIndex(InformerIndexes.Owner, "uid-1"));
        Assert.Same(moved, Assert.Single(cache.ByIndex(InformerIndexes.Owner, "ReplicaSet/rs2")));
        Assert.Same(moved, Assert.Single(cache.ByIndex(InformerIndexes.Node, "n1")));
    }

    [Fact]
    public void Put_EqualLabelsInANewMap_StayFiledOnce()
    {
        // Not the same map instance: the cheap test says "maybe changed", the values are compared and nothing moves.
        var cache = new InformerCache();
        var pod = NewPod("a", app: "web");
        cache.Put(pod);
        var copy = Relabel(pod, "web");

        cache.Put(copy);

        Assert.Same(copy, Assert.Single(cache.ByIndex(InformerIndexes.Label, "app=web")));
    }

    [Fact]
    public void Put_CustomIndexWithoutATest_IsAlwaysRecomputed()
    {
        var cache = new InformerCache();
        cache.AddIndex("image", o => ((Pod)o).Spec.Containers.Select(c => c.Image));
        var pod = NewPod("a");
        cache.Put(pod);
        var other = pod with { Spec = pod.Spec with { Containers = [new Container { Name = "c", Image = "nginx" }] } };

        cache.Put(other);

        Assert.Empty(cache.ByIndex("image", "busybox"));
        Assert.Same(other, Assert.Single(cache.ByIndex("image", "nginx")));
    }
}

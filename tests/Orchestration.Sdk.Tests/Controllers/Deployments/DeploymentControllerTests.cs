using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Tests.Controllers;

namespace Orchestration.Sdk.Tests.Controllers.Deployments;

public class DeploymentControllerTests
{
    [Fact]
    public async Task Reconcile_NewDeployment_CreatesOneOwnedReplicaSetAndItsPods()
    {
        await using var h = new ControllerHarness();
        var d = h.Store.Create(ControllerHarness.NewDeployment("web", 3));

        await h.WaitUntil("3 pods exist", () => h.Pods("web").Count == 3);

        var rs = Assert.Single(h.Store.List<ReplicaSet>(ReplicaSet.KindName).Items);
        Assert.Equal(d.Metadata.Uid, rs.Metadata.Controller!.Uid);
        Assert.Equal("1", rs.Metadata.Annotations[ReplicaSet.RevisionAnnotation]);
        Assert.All(h.Pods("web"), p =>
        {
            Assert.Equal(rs.Metadata.Uid, p.Metadata.Controller!.Uid);
            Assert.StartsWith(rs.Metadata.Name + "-", p.Metadata.Name, StringComparison.Ordinal);
            Assert.Equal(rs.Metadata.Labels[ReplicaSet.PodTemplateHashLabel], p.Metadata.Labels[ReplicaSet.PodTemplateHashLabel]);
        });
    }

    [Fact]
    public async Task Reconcile_PodsBecomeReady_StatusCountsThem()
    {
        await using var h = new ControllerHarness();
        h.Store.Create(ControllerHarness.NewDeployment("web", 2));
        await h.WaitUntil("2 pods", () => h.Pods("web").Count == 2);

        h.MakeAllPodsReady();

        await h.WaitUntil("status ready 2", () => h.Store.Get<Deployment>(new ObjectKey(Deployment.KindName, "default", "web"))!.Status is { ReadyReplicas: 2, AvailableReplicas: 2, UpdatedReplicas: 2 });
        var d = h.Store.Get<Deployment>(new ObjectKey(Deployment.KindName, "default", "web"))!;
        Assert.True(d.Status.Conditions.Find("Available")!.IsTrue);
    }

    [Fact]
    public async Task TemplateChange_CreatesNewRevisionAndRetiresOldOne()
    {
        await using var h = new ControllerHarness();
        var d = h.Store.Create(ControllerHarness.NewDeployment("web", 4));
        await h.WaitUntil("4 pods", () => h.Pods("web").Count == 4);
        h.MakeAllPodsReady();

        h.Store.Mutate<Deployment>(d.Key, x => x with
        {
            Spec = x.Spec with { Template = x.Spec.Template with { Spec = x.Spec.Template.Spec with { Containers = [new Container { Name = "web", Image = "web:2" }] } } },
        });

        var maxPods = 0;
        var minReady = int.MaxValue;
        await h.WaitUntil("all 4 pods run web:2 and are ready", () =>
        {
            var active = h.Pods("web").Where(p => !p.IsTerminating()).ToList();
            maxPods = Math.Max(maxPods, active.Count);
            minReady = Math.Min(minReady, active.Count(p => p.Status.IsReady));
            h.FinishTerminations();
            h.MakeAllPodsReady();
            return active.Count == 4 && active.All(p => p.Spec.Containers[0].Image == "web:2" && p.Status.IsReady);
        });

        var sets = h.Store.List<ReplicaSet>(ReplicaSet.KindName).Items.OrderBy(r => r.Metadata.Annotations[ReplicaSet.RevisionAnnotation]).ToList();
        Assert.Equal(2, sets.Count);
        Assert.Equal([0, 4], sets.Select(r => r.Spec.Replicas));
        Assert.InRange(maxPods, 4, 5); // replicas + 25% surge (rounded up) = 5
        Assert.True(minReady >= 3, $"ready pods fell to {minReady}, below replicas - 25% unavailable");
    }
}

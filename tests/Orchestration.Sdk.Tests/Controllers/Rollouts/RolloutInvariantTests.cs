using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Testing;

namespace Orchestration.Sdk.Tests.Controllers.Rollouts;

public class RolloutInvariantTests
{
    [Theory]
    [InlineData(1, "25%", "25%", 1, 0)] // 25% of 1: surge rounds up to 1, unavailable down to 0
    [InlineData(3, "25%", "25%", 1, 0)]
    [InlineData(4, "25%", "25%", 1, 1)]
    [InlineData(10, "25%", "25%", 3, 2)]
    [InlineData(5, "1", "0", 1, 0)]
    [InlineData(5, "0", "1", 0, 1)]
    [InlineData(6, "50%", "0%", 3, 0)]
    [InlineData(7, "2", "3", 2, 3)]
    public async Task RollingUpdate_EveryStep_StaysWithinSurgeAndUnavailable(int replicas, string maxSurge, string maxUnavailable, int surge, int unavailable)
    {
        await using var cluster = await TestCluster.StartAsync(
            app => app.AddDeployment("web").WithImage("web:1").WithReplicas(replicas).WithRollingUpdate(maxSurge, maxUnavailable),
            nodes: n => n.Add("n1", cpu: 64, memory: "64Gi", maxPods: 200),
            time: new FakeTimeProvider());
        await cluster.WaitForReadyReplicasAsync("web", replicas);
        var store = cluster.Services.GetRequiredService<ResourceStore>();
        var violations = new List<string>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        // The snapshot and the version the watch resumes from come from one list: a watch from an older version would
        // replay older states of some pods over a newer snapshot of the others, a mix that never existed.
        var snapshot = store.List<Pod>(Pod.KindName);
        var checker = Task.Run(() => CheckEveryEvent(store, snapshot, replicas, surge, unavailable, violations, stop.Token));

        await cluster.Client.ApplyAsync(Image(cluster, "web:2"));
        await cluster.WaitUntilAsync("every pod runs web:2 and is ready", c =>
            c.Pods("web") is var pods && pods.Count == replicas && pods.All(p => p.Spec.Containers[0].Image == "web:2" && p.Status.IsReady));
        await stop.CancelAsync();
        await checker;

        Assert.Empty(violations);
    }

    internal static Deployment Image(TestCluster cluster, string image)
    {
        var d = cluster.Deployment("web")!;
        return d with
        {
            Spec = d.Spec with
            {
                Template = d.Spec.Template with
                {
                    Spec = d.Spec.Template.Spec with { Containers = [d.Spec.Template.Spec.Containers[0] with { Image = image }] },
                },
            },
        };
    }

    private static async Task CheckEveryEvent(
        ResourceStore store, ListResult<Pod> snapshot, int replicas, int surge, int unavailable, List<string> violations, CancellationToken ct)
    {
        var pods = snapshot.Items.ToDictionary(p => p.Metadata.Name);
        try
        {
            await foreach (var e in store.Watch(Pod.KindName, snapshot.ResourceVersion, ct))
            {
                if (e.Type == WatchEventType.Deleted)
                {
                    pods.Remove(e.Object!.Metadata.Name);
                }
                else
                {
                    pods[e.Object!.Metadata.Name] = (Pod)e.Object;
                }

                var active = pods.Values.Where(p => p.Metadata.DeletionTimestamp is null).ToList();
                var ready = active.Count(p => p.Status.IsReady);
                if (active.Count > replicas + surge)
                {
                    violations.Add($"at v{e.ResourceVersion}: {active.Count} pods > {replicas} + {surge}");
                }

                if (ready < replicas - unavailable)
                {
                    violations.Add($"at v{e.ResourceVersion}: {ready} ready < {replicas} - {unavailable}");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Testing;

namespace Orchestration.Sdk.Tests.Controllers.Rollouts;

public class RolloutLifecycleTests
{
    private static Task<TestCluster> Start(FakeTimeProvider time, Action<DeploymentBuilder>? configure = null) =>
        TestCluster.StartAsync(app =>
        {
            var web = app.AddDeployment("web").WithImage("web:1").WithReplicas(3);
            configure?.Invoke(web);
        }, time: time);

    private static IRolloutClient Rollouts(TestCluster c) => c.Services.GetRequiredService<IRolloutClient>();

    [Fact]
    public async Task Rollout_NewVersionNeverReady_HitsDeadlineAndReportsIt()
    {
        var time = new FakeTimeProvider();
        await using var cluster = await Start(time, w => w.WithProgressDeadline(TimeSpan.FromSeconds(60)));
        await cluster.WaitForReadyReplicasAsync("web", 3);
        cluster.Nodes.MakeImageNotFound("web:broken");

        await cluster.Client.ApplyAsync(RolloutInvariantTests.Image(cluster, "web:broken"));
        await cluster.AdvanceUntilAsync("progress deadline exceeded", c =>
            c.Deployment("web")!.Status.Conditions.Find(DeploymentConditionType.Progressing) is { Reason: "ProgressDeadlineExceeded" },
            time.Advance, TimeSpan.FromSeconds(5));

        var progressing = cluster.Deployment("web")!.Status.Conditions.Find(DeploymentConditionType.Progressing)!;
        Assert.Equal(ConditionStatus.False, progressing.Status);
        Assert.Matches("^ReplicaSet \"web-[a-z0-9]+\" has timed out progressing\\.$", progressing.Message);
        var ex = await Assert.ThrowsAsync<OrchestrationException>(() => Rollouts(cluster).WaitAsync("web"));
        // kubectl's text for the stalled state, ignoring the deadline verdict: one new pod exists, none available.
        Assert.Equal(
            "Waiting for deployment \"web\" rollout to finish: 1 out of 3 new replicas have been updated...",
            RolloutClient.StatusOf(cluster.Deployment("web")! with { Status = cluster.Deployment("web")!.Status with { Conditions = [] } }).Message);
        Assert.Equal("deployment \"web\" exceeded its progress deadline", ex.Message);
        Assert.Equal(3, cluster.Pods("web").Count(p => p.Spec.Containers[0].Image == "web:1" && p.Status.IsReady)); // old revision kept serving (maxUnavailable 25% of 3 = 0)
    }

    [Fact]
    public async Task Rollout_FailsWithAutoRollback_ReturnsToPreviousRevision()
    {
        var time = new FakeTimeProvider();
        await using var cluster = await Start(time, w => w.WithProgressDeadline(TimeSpan.FromSeconds(60)).WithAutoRollback());
        await cluster.WaitForReadyReplicasAsync("web", 3);
        cluster.Nodes.MakeImageNotFound("web:broken");

        await cluster.Client.ApplyAsync(RolloutInvariantTests.Image(cluster, "web:broken"));
        await cluster.AdvanceUntilAsync("rolled back to web:1", c =>
            c.Deployment("web")!.Spec.Template.Spec.Containers[0].Image == "web:1",
            time.Advance, TimeSpan.FromSeconds(5));

        await cluster.WaitUntilAsync("3 ready web:1 pods and no broken ones", c =>
            c.Pods("web") is var pods && pods.Count == 3 && pods.All(p => p.Spec.Containers[0].Image == "web:1" && p.Status.IsReady));
        var d = cluster.Deployment("web")!;
        Assert.StartsWith("rolled back from revision 2 to 1: progress deadline of 60s exceeded", d.Metadata.Annotations["orchestration.io/auto-rollback"], StringComparison.Ordinal);
        Assert.Equal(3, (await Rollouts(cluster).GetHistoryAsync("web"))[0].Revision);
    }

    [Fact]
    public async Task Undo_AfterCompletedRollout_RestoresPreviousTemplateAsNewestRevision()
    {
        await using var cluster = await Start(new FakeTimeProvider());
        await cluster.WaitForReadyReplicasAsync("web", 3);
        await cluster.Client.ApplyAsync(RolloutInvariantTests.Image(cluster, "web:2"));
        var reports = new List<string>();
        var done = await Rollouts(cluster).WaitAsync("web", new SyncProgress(s => reports.Add(s.Message)));
        Assert.Equal("deployment \"web\" successfully rolled out", done.Message);
        Assert.Equal("deployment \"web\" successfully rolled out", reports[^1]);

        var revision = await Rollouts(cluster).UndoAsync("web");

        Assert.Equal(1, revision);
        await Rollouts(cluster).WaitAsync("web");
        Assert.All(cluster.Pods("web").Where(p => p.Metadata.DeletionTimestamp is null), p => Assert.Equal("web:1", p.Spec.Containers[0].Image));
        var history = await Rollouts(cluster).GetHistoryAsync("web");
        Assert.Equal([3L, 2L], history.Select(h => h.Revision));
        Assert.Equal(["web:1"], history[0].Images);
        await Assert.ThrowsAsync<NotFoundException>(() => Rollouts(cluster).UndoAsync("web", toRevision: 7));
    }

    [Fact]
    public async Task Pause_HoldsTemplateChangesUntilResume()
    {
        await using var cluster = await Start(new FakeTimeProvider());
        await cluster.WaitForReadyReplicasAsync("web", 3);

        await Rollouts(cluster).PauseAsync("web");
        await cluster.Client.ApplyAsync(RolloutInvariantTests.Image(cluster, "web:2") is var d ? d with { Spec = d.Spec with { Paused = true } } : null!);
        await cluster.WaitUntilAsync("paused condition", c =>
            c.Deployment("web")!.Status.Conditions.Find(DeploymentConditionType.Progressing) is { Reason: "DeploymentPaused" });
        Assert.Single(await cluster.Client.ListAsync<ReplicaSet>());
        Assert.All(cluster.Pods("web").Where(p => p.Metadata.DeletionTimestamp is null), p => Assert.Equal("web:1", p.Spec.Containers[0].Image));

        await Rollouts(cluster).ResumeAsync("web");
        await Rollouts(cluster).WaitAsync("web");
        Assert.All(cluster.Pods("web").Where(p => p.Metadata.DeletionTimestamp is null), p => Assert.Equal("web:2", p.Spec.Containers[0].Image));
    }

    [Fact]
    public async Task Recreate_RemovesEveryOldPodBeforeCreatingNewOnes()
    {
        await using var cluster = await Start(new FakeTimeProvider(), w => w.WithRecreateStrategy());
        await cluster.WaitForReadyReplicasAsync("web", 3);
        var overlap = false;

        await cluster.Client.ApplyAsync(RolloutInvariantTests.Image(cluster, "web:2"));
        await cluster.WaitUntilAsync("3 ready web:2 pods", c =>
        {
            var pods = c.Pods("web");
            overlap |= pods.Any(p => p.Spec.Containers[0].Image == "web:1") && pods.Any(p => p.Spec.Containers[0].Image == "web:2");
            return pods.Count == 3 && pods.All(p => p.Spec.Containers[0].Image == "web:2" && p.Status.IsReady);
        });

        Assert.False(overlap);
    }

    [Theory]
    [InlineData("0", "0", "deployments[web].spec.strategy.rollingUpdate.maxUnavailable: Invalid value: \"0\": may not be 0 when `maxSurge` is 0")]
    [InlineData("-1", "1", "deployments[web].spec.strategy.rollingUpdate.maxSurge: Invalid value: \"-1\": must be greater than or equal to 0")]
    [InlineData("1", "150%", "deployments[web].spec.strategy.rollingUpdate.maxUnavailable: Invalid value: \"150%\": must not be greater than 100%")]
    [InlineData("abc", "1", "deployments[web].spec.strategy.rollingUpdate: Invalid value: \"abc\": must be an integer or a percentage (e.g. '25%')")]
    public void Validate_BadRollingBounds_ClearErrors(string maxSurge, string maxUnavailable, string expected)
    {
        var app = new AppDeclaration();
        app.AddDeployment("web").WithImage("web:1").WithRollingUpdate(maxSurge, maxUnavailable);

        Assert.Contains(expected, app.Validate().Select(e => e.ToString()));
    }

    [Fact]
    public void Validate_DeadlineNotAfterMinReady_IsRejected()
    {
        var app = new AppDeclaration();
        app.AddDeployment("web").WithImage("web:1").WithMinReadySeconds(30).WithProgressDeadline(TimeSpan.FromSeconds(30));

        Assert.Contains("deployments[web].spec.progressDeadlineSeconds: Invalid value: 30: must be greater than minReadySeconds", app.Validate().Select(e => e.ToString()));
    }

    private sealed class SyncProgress(Action<RolloutStatus> report) : IProgress<RolloutStatus>
    {
        public void Report(RolloutStatus value) => report(value);
    }
}

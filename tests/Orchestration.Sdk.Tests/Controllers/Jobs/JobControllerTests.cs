using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Testing;

namespace Orchestration.Sdk.Tests.Controllers.Jobs;

/// <summary>The job controller on an in-memory cluster and a fake clock.</summary>
public sealed class JobControllerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Completions3Parallelism2_RunsAtMostTwoAtOnce_ThenCompleteWithKubernetesCondition()
    {
        await using var cluster = await StartAsync(app => app.AddJob("batch").WithImage("work:1").WithCompletions(3).WithParallelism(2));
        await WaitForRunningAsync(cluster, 2);
        Assert.Equal(2, cluster.Pods("batch").Count);

        foreach (var pod in cluster.Pods("batch"))
        {
            Exit(cluster, pod, 0);
        }

        // Two succeeded, one to go: only one more pod, never two.
        await cluster.WaitUntilAsync("two succeeded and a third pod runs", c => Job(c).Status is { Succeeded: 2, Active: 1 } &&
            c.Pods("batch").Count(p => p.Status.Phase == PodPhase.Running) == 1 && c.Pods("batch").Count(p => p.Status.Phase == PodPhase.Succeeded) == 2);
        Assert.Equal(3, cluster.Pods("batch").Count);
        Assert.False(Job(cluster).IsFinished);
        var start = Job(cluster).Status.StartTime;

        _time.Advance(TimeSpan.FromSeconds(5));
        Exit(cluster, cluster.Pods("batch").Single(p => p.Status.Phase == PodPhase.Running), 0);

        await cluster.WaitUntilAsync("job complete", c => Job(c).IsFinished);
        var job = Job(cluster);
        var complete = job.Status.Conditions.Find(JobConditionType.Complete)!;
        Assert.Equal((ConditionStatus.True, "CompletionsReached", "Reached expected number of succeeded pods"), (complete.Status, complete.Reason, complete.Message));
        Assert.Equal((0, 3, 0), (job.Status.Active, job.Status.Succeeded, job.Status.Failed));
        Assert.Equal(_time.GetUtcNow(), job.Status.CompletionTime);
        Assert.Equal(start, job.Status.StartTime);
        Assert.Equal(3, cluster.Pods("batch").Count); // finished pods are kept
    }

    [Fact]
    public async Task Pods_CarryTheJobLabelsAndAControllerReference()
    {
        await using var cluster = await StartAsync(app => app.AddJob("migrate").WithImage("work:1"));
        await WaitForRunningAsync(cluster, 1, "migrate");
        var job = Job(cluster, "migrate");
        var pod = Assert.Single(cluster.Pods("migrate"));

        Assert.StartsWith("migrate-", pod.Metadata.Name, StringComparison.Ordinal);
        Assert.Equal(job.Metadata.Uid, pod.Metadata.Labels["batch.kubernetes.io/controller-uid"]);
        Assert.Equal(job.Metadata.Uid, pod.Metadata.Labels["controller-uid"]);
        Assert.Equal("migrate", pod.Metadata.Labels["batch.kubernetes.io/job-name"]);
        Assert.Equal("migrate", pod.Metadata.Labels["job-name"]);
        Assert.Equal(new OwnerReference("Job", "migrate", job.Metadata.Uid), pod.Metadata.Controller);
        Assert.Equal(RestartPolicy.Never, pod.Spec.RestartPolicy);
        Assert.Equal(1, job.Status.Active);
    }

    [Fact]
    public async Task FailingPods_ReplacedAfter10Then20Seconds_ThenFailedWithBackoffLimitExceeded()
    {
        await using var cluster = await StartAsync(app => app.AddJob("batch").WithImage("crash:1").WithBackoffLimit(2), n => n.CrashImageOnStart("crash:1"));
        await cluster.WaitUntilAsync("the first pod failed", c => FailedPods(c) == 1);

        // 10 s back-off before the first replacement, 20 s before the second.
        foreach (var (wait, failed) in new[] { (10, 2), (20, 3) })
        {
            _time.Advance(TimeSpan.FromSeconds(wait - 1));
            await AssertStaysAsync(cluster, failed - 1);
            _time.Advance(TimeSpan.FromSeconds(1));
            await cluster.WaitUntilAsync($"{failed} failed pods", c => FailedPods(c) == failed);
        }

        await cluster.WaitUntilAsync("job failed", c => Job(c).IsFinished);
        var job = Job(cluster);
        var failedCondition = job.Status.Conditions.Find(JobConditionType.Failed)!;
        Assert.Equal((ConditionStatus.True, "BackoffLimitExceeded", "Job has reached the specified backoff limit"), (failedCondition.Status, failedCondition.Reason, failedCondition.Message));
        Assert.Equal((0, 0, 3), (job.Status.Active, job.Status.Succeeded, job.Status.Failed));
        Assert.Null(job.Status.CompletionTime);

        _time.Advance(TimeSpan.FromMinutes(10));
        await AssertStaysAsync(cluster, 3); // a failed job creates no more pods
    }

    [Fact]
    public async Task OnFailure_ContainerRestartsCountAgainstTheBackoffLimit()
    {
        await using var cluster = await StartAsync(app => app.AddJob("batch").WithImage("crash:1").WithBackoffLimit(1).WithRestartPolicy(RestartPolicy.OnFailure), n => n.CrashImageOnStart("crash:1"));

        // The kubelet restarts the container in place (at once, then after 10 s): two restarts exceed a limit of 1.
        await cluster.AdvanceUntilAsync("job failed", c => Job(c).IsFinished, _time.Advance, TimeSpan.FromSeconds(5));

        var job = Job(cluster);
        Assert.Equal("BackoffLimitExceeded", job.Status.Conditions.Find(JobConditionType.Failed)?.Reason);
        Assert.Equal(1, job.Status.Failed + job.Status.Active == 0 ? 1 : 0); // OnFailure: no pod ever failed, none is active any more
        await cluster.WaitUntilAsync("the failed job's running pod is deleted", c => c.Pods("batch").All(p => p.IsTerminating()));
    }

    [Fact]
    public async Task ActiveDeadline_Passes_FailedWithDeadlineExceededAndPodsDeleted()
    {
        await using var cluster = await StartAsync(app => app.AddJob("batch").WithImage("work:1").WithActiveDeadline(TimeSpan.FromSeconds(30)));
        await WaitForRunningAsync(cluster, 1);

        _time.Advance(TimeSpan.FromSeconds(29));
        await AssertStaysAsync(cluster, 1);
        Assert.False(Job(cluster).IsFinished);
        _time.Advance(TimeSpan.FromSeconds(1));

        await cluster.WaitUntilAsync("job failed", c => Job(c).IsFinished);
        var failed = Job(cluster).Status.Conditions.Find(JobConditionType.Failed)!;
        Assert.Equal(("DeadlineExceeded", "Job was active longer than specified deadline"), (failed.Reason, failed.Message));
        await cluster.WaitUntilAsync("the running pod is removed", c => c.Pods("batch").Count == 0);
    }

    [Fact]
    public async Task TtlAfterFinished_Passes_JobAndItsPodsDeleted()
    {
        await using var cluster = await StartAsync(app => app.AddJob("batch").WithImage("done:1").WithTtlAfterFinished(TimeSpan.FromMinutes(1)), n => n.CrashImageOnStart("done:1", exitCode: 0));
        await cluster.WaitUntilAsync("job complete", c => Job(c).IsFinished);

        _time.Advance(TimeSpan.FromSeconds(59));
        await Task.Delay(50); // real time, to let a wrong early delete happen; the assertion below does not depend on it
        Assert.NotNull(FindJob(cluster));
        _time.Advance(TimeSpan.FromSeconds(1));

        await cluster.WaitUntilAsync("job and pods deleted", c => FindJob(c) is null && c.Pods("batch").Count == 0);
    }

    [Fact]
    public async Task DeleteJob_Background_GarbageCollectorDeletesItsPods()
    {
        await using var cluster = await StartAsync(app => app.AddJob("batch").WithImage("work:1").WithParallelism(2).WithCompletions(4));
        await WaitForRunningAsync(cluster, 2);

        await cluster.Client.DeleteAsync<Job>("batch", DeletionPropagation.Background);

        await cluster.WaitUntilAsync("pods deleted", c => c.Pods("batch").Count == 0);
        Assert.Null(FindJob(cluster));
    }

    [Fact]
    public void Declaration_RestartPolicyAlwaysAndNegativeCounts_ReportedWithFieldPaths() =>
        Declaration.ValidationAssert.BuildThrowsExactly(
            app => app.AddJob("batch").WithImage("work:1").WithRestartPolicy(RestartPolicy.Always).WithParallelism(-1).WithBackoffLimit(-2).WithCompletions(-3),
            [
                "jobs[batch].spec.backoffLimit: Invalid value: -2: must be greater than or equal to 0",
                "jobs[batch].spec.completions: Invalid value: -3: must be greater than or equal to 0",
                "jobs[batch].spec.parallelism: Invalid value: -1: must be greater than or equal to 0",
                "jobs[batch].spec.template.spec.restartPolicy: Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\"",
            ]);

    [Fact]
    public async Task UpdateTemplate_Refused_FieldIsImmutable()
    {
        await using var cluster = await StartAsync(app => app.AddJob("batch").WithImage("work:1"));
        await cluster.WaitUntilAsync("the job's pod is ready", c => Job(c).Status.Ready == 1);
        var job = Job(cluster);
        var changed = job with { Spec = job.Spec with { Template = job.Spec.Template with { Labels = new Dictionary<string, string> { ["app"] = "other" } } } };

        var ex = await Assert.ThrowsAsync<DeclarationValidationException>(() => cluster.Services.GetRequiredService<IResourceClient>().UpdateAsync(changed));

        Assert.Contains("jobs[batch].spec.template: Invalid value: \"{...}\": field is immutable", ex.Message, StringComparison.Ordinal);
        Assert.Equal(job.Spec, Job(cluster).Spec);
    }

    private static Job Job(TestCluster cluster, string name = "batch") => FindJob(cluster, name) ?? throw new InvalidOperationException($"job {name} not found");

    private static Job? FindJob(TestCluster cluster, string name = "batch") =>
        cluster.Services.GetRequiredService<ResourceStore>().Get<Job>(new ObjectKey(Sdk.Model.Job.KindName, "default", name));

    private static int FailedPods(TestCluster cluster) => cluster.Pods("batch").Count(p => p.Status.Phase == PodPhase.Failed);

    private static void Exit(TestCluster cluster, Pod pod, int exitCode) =>
        cluster.Nodes[pod.Spec.NodeName!].CrashContainer(pod.Metadata.Name, pod.Spec.Containers[0].Name, exitCode);

    private static Task WaitForRunningAsync(TestCluster cluster, int running, string app = "batch") =>
        cluster.WaitUntilAsync($"{running} running pods", c => c.Pods(app).Count(p => p.Status.Phase == PodPhase.Running && p.Status.ContainerStatuses.All(s => s.State.Running is not null)) == running);

    /// <summary>The pod count stays at <paramref name="pods"/> while the control loops settle (no replacement before its back-off).</summary>
    private static async Task AssertStaysAsync(TestCluster cluster, int pods)
    {
        for (var i = 0; i < 5; i++)
        {
            await Task.Delay(20);
            Assert.Equal(pods, cluster.Pods("batch").Count);
        }
    }

    private Task<TestCluster> StartAsync(Action<AppDeclaration> declare, Action<Orchestration.Sdk.Runtime.InMemory.InMemoryCluster>? nodes = null) =>
        TestCluster.StartAsync(declare, nodes is null ? n => n.Add("node-1") : n => { n.Add("node-1"); nodes(n); }, _time);
}

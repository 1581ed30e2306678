using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Testing;
using Orchestration.Sdk.Tests.Events;

namespace Orchestration.Sdk.Tests.Controllers.CronJobs;

/// <summary>The CronJob controller on an in-memory cluster and a fake clock.</summary>
public sealed class CronJobControllerTests
{
    // Sunday 1 March 2026, 12:00 UTC.
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);

    [Fact]
    public async Task HourlySchedule_AWeekOnTheFakeClock_168JobsCreatedAndHistoryTrimmed()
    {
        await using var cluster = await StartAsync(app => app.AddCronJob("hourly").WithSchedule("0 * * * *").WithImage("done:1"));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();

        for (var hour = 1; hour <= 7 * 24; hour++)
        {
            _time.Advance(TimeSpan.FromHours(1));
            var expected = $"hourly-{Start.AddHours(hour).ToUnixTimeSeconds() / 60}";
            await cluster.WaitUntilAsync($"job {expected} complete", c => FindJob(c, expected)?.IsFinished == true && CronJob(c).Status.Active.Count == 0);
            seen.Add(expected);
            Assert.True(Jobs(cluster).Count <= 4, $"history kept {Jobs(cluster).Count} jobs at hour {hour}");
        }

        await cluster.WaitUntilAsync("3 jobs and their pods left", c => Jobs(c).Count == 3 && c.Pods().Count == 3);
        Assert.Equal(168, seen.Count);
        Assert.Equal(seen.Order().TakeLast(3), Jobs(cluster).Select(j => j.Metadata.Name).Order());
        var status = CronJob(cluster).Status;
        Assert.Equal(Start.AddDays(7), status.LastScheduleTime);
        Assert.Equal(Start.AddDays(7), status.LastSuccessfulTime);
        Assert.Empty(status.Active);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"a week of schedules took {watch.Elapsed}");
    }

    [Fact]
    public async Task FailedRuns_OnlyFailedJobsHistoryLimitKept()
    {
        await using var cluster = await StartAsync(app => app.AddCronJob("flaky").WithSchedule("@hourly").WithImage("crash:1").WithBackoffLimit(0),
            n => n.CrashImageOnStart("crash:1"));

        for (var hour = 1; hour <= 3; hour++)
        {
            _time.Advance(TimeSpan.FromHours(1));
            var expected = $"flaky-{Start.AddHours(hour).ToUnixTimeSeconds() / 60}";
            await cluster.WaitUntilAsync($"job {expected} failed", c => FindJob(c, expected)?.Status.Conditions.Find(JobConditionType.Failed)?.IsTrue == true);
        }

        _time.Advance(TimeSpan.FromMinutes(1)); // any later sync trims
        await cluster.WaitUntilAsync("one failed job left", c => Jobs(c).Count == 1);
        Assert.Equal($"flaky-{Start.AddHours(3).ToUnixTimeSeconds() / 60}", Jobs(cluster).Single().Metadata.Name);
        Assert.Null(CronJob(cluster).Status.LastSuccessfulTime);
    }

    [Fact]
    public async Task Forbid_PreviousRunActive_RunWaitsUntilItFinishes()
    {
        await using var cluster = await StartAsync(app => app.AddCronJob("report").WithSchedule("*/5 * * * *").WithImage("work:1").WithConcurrencyPolicy(ConcurrencyPolicy.Forbid));
        _time.Advance(TimeSpan.FromMinutes(5));
        await cluster.WaitUntilAsync("the first job", c => Jobs(c).Count == 1 && CronJob(c).Status.Active.Count == 1);

        _time.Advance(TimeSpan.FromMinutes(5));
        await AssertJobsStayAsync(cluster, 1);
        Assert.Equal(Start.AddMinutes(5), CronJob(cluster).Status.LastScheduleTime);

        // As Kubernetes' controller: the skipped 12:10 run is still the most recent one due, so it starts (late) as
        // soon as the active job has finished (no startingDeadlineSeconds).
        var pod = await WaitForRunningPodAsync(cluster);
        cluster.Nodes[pod.Spec.NodeName!].CrashContainer(pod.Metadata.Name, pod.Spec.Containers[0].Name, exitCode: 0);
        var late = $"report-{Start.AddMinutes(10).ToUnixTimeSeconds() / 60}";
        await cluster.WaitUntilAsync("the 12:10 run after the first finished", c => FindJob(c, late) is not null && CronJob(c).Status.LastScheduleTime == Start.AddMinutes(10));
        Assert.Equal(2, Jobs(cluster).Count);
    }

    [Fact]
    public async Task Replace_PreviousRunActive_DeletedAndReplaced()
    {
        await using var cluster = await StartAsync(app => app.AddCronJob("report").WithSchedule("*/5 * * * *").WithImage("work:1").WithConcurrencyPolicy(ConcurrencyPolicy.Replace));
        _time.Advance(TimeSpan.FromMinutes(5));
        await cluster.WaitUntilAsync("the first job", c => Jobs(c).Count == 1);
        var first = Jobs(cluster).Single().Metadata.Name;

        _time.Advance(TimeSpan.FromMinutes(5));

        var second = $"report-{Start.AddMinutes(10).ToUnixTimeSeconds() / 60}";
        await cluster.WaitUntilAsync("the first job replaced", c => FindJob(c, first) is null && FindJob(c, second) is not null &&
            CronJob(c).Status.Active.Select(a => a.Name).SequenceEqual([second]));
        await cluster.WaitUntilAsync("the first job's pod deleted", c => c.Pods().All(p => p.Metadata.Labels["job-name"] == second));
        Assert.Single(ClusterEvents.List(cluster, "SuccessfulDelete"), e => e.Message == $"Deleted job {first}");
    }

    [Fact]
    public async Task StartingDeadline_FirstLookLaterThanTheDeadline_RunSkippedNextOneOnTime()
    {
        await using var cluster = await StartAsync(app => app.AddCronJob("late").WithSchedule("0 * * * *").WithImage("work:1").WithStartingDeadline(TimeSpan.FromSeconds(60)));

        _time.Advance(TimeSpan.FromMinutes(62)); // the controller first looks at 13:02, two minutes after the 13:00 run

        await AssertJobsStayAsync(cluster, 0);
        Assert.Null(CronJob(cluster).Status.LastScheduleTime);
        _time.Advance(TimeSpan.FromMinutes(58));
        await cluster.WaitUntilAsync("the 14:00 run, on time", c => Jobs(c).Count == 1);
        Assert.Equal($"late-{Start.AddHours(2).ToUnixTimeSeconds() / 60}", Jobs(cluster).Single().Metadata.Name);
    }

    [Fact]
    public async Task Suspend_NoRunsForADay()
    {
        await using var cluster = await StartAsync(app => app.AddCronJob("paused").WithSchedule("@hourly").WithImage("work:1").WithSuspend());

        for (var i = 0; i < 24; i++)
        {
            _time.Advance(TimeSpan.FromHours(1));
        }

        await AssertJobsStayAsync(cluster, 0);
        Assert.Null(CronJob(cluster).Status.LastScheduleTime);
    }

    [Fact]
    public async Task TimeZone_NewYork_RunsAt3InTheMorningThereWithKubernetesNameAndAnnotation()
    {
        await using var cluster = await StartAsync(app => app.AddCronJob("nightly").WithSchedule("0 3 * * *").WithTimeZone("America/New_York").WithImage("work:1"));

        _time.Advance(new DateTimeOffset(2026, 3, 2, 7, 59, 0, TimeSpan.Zero) - Start); // 02:59 in New York (EST, UTC-5)
        await AssertJobsStayAsync(cluster, 0);
        _time.Advance(TimeSpan.FromMinutes(1));

        var due = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
        await cluster.WaitUntilAsync("the nightly job", c => Jobs(c).Count == 1);
        var job = Jobs(cluster).Single();
        Assert.Equal($"nightly-{due.ToUnixTimeSeconds() / 60}", job.Metadata.Name);
        Assert.Equal("2026-03-02T03:00:00-05:00", job.Metadata.Annotations["batch.kubernetes.io/cronjob-scheduled-timestamp"]);
        Assert.Equal(new OwnerReference("CronJob", "nightly", CronJob(cluster, "nightly").Metadata.Uid), job.Metadata.Controller);
        Assert.Equal(RestartPolicy.Never, job.Spec.Template.Spec.RestartPolicy);
    }

    [Fact]
    public async Task DeleteCronJob_ItsJobsAndPodsAreDeleted()
    {
        await using var cluster = await StartAsync(app => app.AddCronJob("report").WithSchedule("@hourly").WithImage("work:1"));
        _time.Advance(TimeSpan.FromHours(1));
        await WaitForRunningPodAsync(cluster);

        await cluster.Client.DeleteAsync<CronJob>("report");

        await cluster.WaitUntilAsync("jobs and pods deleted", c => Jobs(c).Count == 0 && c.Pods().Count == 0);
    }

    [Fact]
    public void Declaration_BadScheduleTimeZoneNameAndLimits_ReportedWithFieldPaths() =>
        Declaration.ValidationAssert.BuildThrowsExactly(
            app =>
            {
                app.AddCronJob("tz").WithSchedule("TZ=UTC 0 3 * * *").WithTimeZone("Mars/Olympus").WithImage("work:1").WithHistoryLimits(-1, 1);
                app.AddCronJob("x").WithImage("work:1").WithRestartPolicy(RestartPolicy.Always);
                app.AddCronJob(new string('a', 53)).WithSchedule("0 3 * *").WithImage("work:1");
            },
            [
                "cronjobs[tz].spec.schedule: Invalid value: \"TZ=UTC 0 3 * * *\": cannot use TZ or CRON_TZ in schedule, use timeZone field instead",
                "cronjobs[tz].spec.successfulJobsHistoryLimit: Invalid value: -1: must be greater than or equal to 0",
                "cronjobs[tz].spec.timeZone: Invalid value: \"Mars/Olympus\": unknown time zone Mars/Olympus",
                "cronjobs[x].spec.jobTemplate.spec.template.spec.restartPolicy: Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\"",
                "cronjobs[x].spec.schedule: Required value",
                $"cronjobs[{new string('a', 53)}].metadata.name: Invalid value: \"{new string('a', 53)}\": must be no more than 52 characters",
                $"cronjobs[{new string('a', 53)}].spec.schedule: Invalid value: \"0 3 * *\": expected exactly 5 fields, found 4: [0 3 * *]",
            ]);

    private static CronJob CronJob(TestCluster cluster, string? name = null) =>
        Store(cluster).List<CronJob>(Sdk.Model.CronJob.KindName).Items.Single(c => name is null || c.Metadata.Name == name);

    private static IReadOnlyList<Job> Jobs(TestCluster cluster) => Store(cluster).List<Job>(Job.KindName).Items;

    private static Job? FindJob(TestCluster cluster, string name) => Store(cluster).Get<Job>(new ObjectKey(Job.KindName, "default", name));

    private static ResourceStore Store(TestCluster cluster) => cluster.Services.GetRequiredService<ResourceStore>();

    private static async Task<Pod> WaitForRunningPodAsync(TestCluster cluster)
    {
        await cluster.WaitUntilAsync("a running pod", c => c.Pods().Any(p => p.Status.Phase == PodPhase.Running));
        return cluster.Pods().First(p => p.Status.Phase == PodPhase.Running);
    }

    /// <summary>The job count stays at <paramref name="count"/> while the control loops settle.</summary>
    private static async Task AssertJobsStayAsync(TestCluster cluster, int count)
    {
        for (var i = 0; i < 5; i++)
        {
            await Task.Delay(20);
            Assert.True(count == Jobs(cluster).Count, $"{count} jobs expected, saw: {string.Join(", ", Jobs(cluster).Select(j => $"{j.Metadata.Name} ({j.Metadata.CreationTimestamp:HH:mm:ss})"))}");
        }
    }

    private Task<TestCluster> StartAsync(Action<AppDeclaration> declare, Action<Orchestration.Sdk.Runtime.InMemory.InMemoryCluster>? nodes = null) =>
        TestCluster.StartAsync(
            declare,
            n =>
            {
                n.Add("node-1");
                n.CrashImageOnStart("done:1", exitCode: 0);
                nodes?.Invoke(n);
            },
            _time,
            // The tests jump the fake clock an hour at a time, far past the 40 s grace period between heartbeats: the
            // node lifecycle controller could see the jump before the node's next heartbeat and taint the node unreachable.
            services => services.Configure<Orchestration.Sdk.Controllers.NodeLifecycle.NodeLifecycleOptions>(o => o.NodeMonitorGracePeriod = TimeSpan.FromDays(30)));
}

using Orchestration.Sdk.Autoscaling;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Tests.Autoscaling;

public class HorizontalPodAutoscalerControllerTests
{
    [Fact]
    public async Task SyncAsync_CpuAboveTarget_ScalesUpInOneSyncWithReasonEvent()
    {
        await using var h = new AutoscalerHarness(replicas: 3);
        h.CreateAutoscaler(AutoscalerHarness.CpuSpec(target: 70));
        h.SetCpu("140m");

        await h.SyncAsync();

        Assert.Equal(6, h.Replicas);
        const string reason = "scaled web from 3 to 6: cpu 140% of target 70%";
        var e = Assert.Single(h.Events.List("web"));
        Assert.Equal(("Normal", "SuccessfulRescale", reason), (e.Type, e.Reason, e.Message));
        Assert.Equal(reason, h.Hpa.Status.LastScaleReason);
        Assert.Equal(h.Time.GetUtcNow(), h.Hpa.Status.LastScaleTime);
        Assert.Equal((3, 6), (h.Hpa.Status.CurrentReplicas, h.Hpa.Status.DesiredReplicas));
        Assert.Equal(140, Assert.Single(h.Hpa.Status.CurrentMetrics).AverageUtilization);
        var active = h.Hpa.Status.Conditions.Find(AutoscalerConditions.ScalingActive)!;
        Assert.Equal(("True", "ValidMetricFound"), (active.Status, active.Reason));
        Assert.Equal("the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)", active.Message);
        Assert.Equal("SucceededRescale", h.Hpa.Status.Conditions.Find(AutoscalerConditions.AbleToScale)!.Reason);
    }

    [Fact]
    public async Task SyncAsync_LoadDrops_NoScaleDownBeforeTheStabilizationWindow()
    {
        await using var h = new AutoscalerHarness(replicas: 6);
        h.CreateAutoscaler(AutoscalerHarness.CpuSpec(target: 70));
        h.SetCpu("70m");
        await h.SyncAsync();
        h.SetCpu("35m");

        var seen = new List<int>();
        for (var t = 15; t < 300; t += 15)
        {
            await h.NextPeriodAsync();
            seen.Add(h.Replicas);
        }

        var stabilized = h.Hpa.Status.Conditions.Find(AutoscalerConditions.AbleToScale)!.Reason;
        await h.NextPeriodAsync();

        Assert.Equal("ScaleDownStabilized", stabilized);
        Assert.All(seen, r => Assert.Equal(6, r));
        Assert.Equal(3, h.Replicas);
        Assert.StartsWith("scaled web from 6 to 3: all metrics below target (cpu 35% of target 70%)", h.Hpa.Status.LastScaleReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, "500m", 1, 5, 5, "TooManyReplicas")]
    [InlineData(6, "5m", 4, 10, 4, "TooFewReplicas")]
    public async Task SyncAsync_Bounds_ClampToMinAndMax(int replicas, string cpu, int min, int max, int expected, string reason)
    {
        await using var h = new AutoscalerHarness(replicas);
        h.CreateAutoscaler(AutoscalerHarness.CpuSpec(min, max) with { Behavior = new() { ScaleDown = new ScalingRules { StabilizationWindowSeconds = 0 } } });
        h.SetCpu(cpu);

        await h.SyncAsync();

        Assert.Equal(expected, h.Replicas);
        var limited = h.Hpa.Status.Conditions.Find(AutoscalerConditions.ScalingLimited)!;
        Assert.Equal(("True", reason), (limited.Status, limited.Reason));
    }

    [Fact]
    public async Task SyncAsync_CurrentAboveMax_ScalesToMaxWithoutMetrics()
    {
        await using var h = new AutoscalerHarness(replicas: 8);
        h.CreateAutoscaler(AutoscalerHarness.CpuSpec(1, 5));

        await h.SyncAsync();

        Assert.Equal(5, h.Replicas);
        Assert.Equal("scaled web from 8 to 5: current number of replicas above Spec.MaxReplicas", h.Hpa.Status.LastScaleReason);
    }

    [Theory]
    [InlineData("76m")] // 108 %
    [InlineData("64m")] // 91 %
    [InlineData("70m")]
    public async Task SyncAsync_WithinTolerance_KeepsReplicas(string cpu)
    {
        await using var h = new AutoscalerHarness(replicas: 4);
        h.CreateAutoscaler(AutoscalerHarness.CpuSpec(target: 70) with { Behavior = new() { ScaleDown = new ScalingRules { StabilizationWindowSeconds = 0 } } });
        h.SetCpu(cpu);

        await h.SyncAsync();

        Assert.Equal(4, h.Replicas);
        Assert.Empty(h.Events.List());
    }

    [Fact]
    public async Task SyncAsync_HugeLoad_ScaleUpRateLimitedPerPeriod()
    {
        await using var h = new AutoscalerHarness(replicas: 2);
        h.CreateAutoscaler(AutoscalerHarness.CpuSpec(max: 100));
        h.SetCpu("1"); // 1000 % of 100m per pod, kept per pod as pods are added

        var series = new List<int>();
        await h.SyncAsync("1");
        series.Add(h.Replicas);
        for (var i = 0; i < 3; i++)
        {
            await h.NextPeriodAsync("1");
            series.Add(h.Replicas);
        }

        // max(+4 pods, +100 %) per 15 s: 2 → 6 → 12 → 24 → 48.
        Assert.Equal([6, 12, 24, 48], series);
        Assert.Equal("ScaleUpLimit", h.Hpa.Status.Conditions.Find(AutoscalerConditions.ScalingLimited)!.Reason);
    }

    [Fact]
    public async Task SyncAsync_FlappingLoad_ReplicasDoNotFlap()
    {
        await using var h = new AutoscalerHarness(replicas: 4);
        h.CreateAutoscaler(AutoscalerHarness.CpuSpec(target: 70));
        var series = new List<int>();
        for (var i = 0; i < 40; i++)
        {
            // Load alternates every sync between 120 % and 40 % of the target, spread over the current pods.
            var perPod = (i % 2 == 0 ? 336m : 112m) / h.Replicas;
            h.SetCpu(Quantity.FromDecimal(decimal.Round(perPod, 3) / 1000m).ToString());
            await (i == 0 ? h.SyncAsync() : h.NextPeriodAsync());
            series.Add(h.Replicas);
        }

        // It scales up once for the peaks and then holds: the 300 s window keeps the highest recent recommendation.
        for (var i = 1; i < series.Count; i++)
        {
            Assert.True(series[i] >= series[i - 1], $"replicas went down while the load flapped: {string.Join(",", series)}");
        }

        Assert.True(series.Distinct().Count() <= 2, string.Join(",", series));
    }

    [Fact]
    public async Task SyncAsync_MultipleMetrics_LargestRecommendationWins()
    {
        var queue = new QueueSource(total: 40);
        await using var h = new AutoscalerHarness(replicas: 2, sources: [queue]);
        h.CreateAutoscaler(AutoscalerHarness.CpuSpec(max: 20) with
        {
            Metrics =
            [
                new(MetricSourceType.Resource, MetricSpec.Cpu, MetricTarget.Utilization(70)),
                new(MetricSourceType.Custom, "queue", MetricTarget.Average("5")),
            ],
        });
        h.SetCpu("105m"); // 150 %: cpu alone wants 3

        await h.SyncAsync();

        Assert.Equal(6, h.Replicas); // queue wants ceil(40 / 5) = 8, limited to max(2 + 4, 2 × 2) = 6 in the first period
        Assert.Equal("scaled web from 2 to 6: queue 20 per pod of target 5", h.Hpa.Status.LastScaleReason);
        Assert.Equal(2, h.Hpa.Status.CurrentMetrics.Count);
        Assert.Equal(1, queue.Calls);
        await h.NextPeriodAsync();
        Assert.Equal(8, h.Replicas);
    }

    [Fact]
    public async Task SyncAsync_MetricSourceThrows_SkipsDecisionAndReportsIt()
    {
        await using var h = new AutoscalerHarness(replicas: 3, sources: [new ThrowingSource()]);
        h.CreateAutoscaler(new HorizontalPodAutoscalerSpec
        {
            ScaleTargetName = AutoscalerHarness.App,
            MaxReplicas = 10,
            Metrics = [new(MetricSourceType.Custom, "broken", MetricTarget.Average("5"))],
        });
        var before = h.Store.Get<Deployment>(new ObjectKey(Deployment.KindName, "default", "web"))!.Metadata.ResourceVersion;

        await h.SyncAsync();

        Assert.Equal(before, h.Store.Get<Deployment>(new ObjectKey(Deployment.KindName, "default", "web"))!.Metadata.ResourceVersion);
        var active = h.Hpa.Status.Conditions.Find(AutoscalerConditions.ScalingActive)!;
        Assert.Equal(("False", "FailedGetCustomMetric"), (active.Status, active.Reason));
        Assert.Equal("the HPA was unable to compute the replica count: failed to get broken custom metric value: unable to get metric broken: queue service unreachable", active.Message);
        var e = Assert.Single(h.Events.List());
        Assert.Equal(("Warning", "FailedGetCustomMetric"), (e.Type, e.Reason));
    }

    [Fact]
    public async Task SyncAsync_OneMetricFailsOnScaleDown_SkipsDecision()
    {
        await using var h = new AutoscalerHarness(replicas: 6, sources: [new ThrowingSource()]);
        h.CreateAutoscaler(AutoscalerHarness.CpuSpec() with
        {
            Metrics = [new(MetricSourceType.Resource, MetricSpec.Cpu, MetricTarget.Utilization(70)), new(MetricSourceType.Custom, "broken", MetricTarget.Average("5"))],
            Behavior = new() { ScaleDown = new ScalingRules { StabilizationWindowSeconds = 0 } },
        });
        h.SetCpu("10m");

        await h.SyncAsync();

        Assert.Equal(6, h.Replicas);
        Assert.Equal("False", h.Hpa.Status.Conditions.Find(AutoscalerConditions.ScalingActive)!.Status);
    }

    [Fact]
    public async Task SyncAsync_MemoryAverageValue_ScalesOnBytesPerPod()
    {
        await using var h = new AutoscalerHarness(replicas: 2);
        h.CreateAutoscaler(AutoscalerHarness.CpuSpec() with { Metrics = [new(MetricSourceType.Resource, MetricSpec.Memory, MetricTarget.Average("100Mi"))] });
        foreach (var pod in h.Pods)
        {
            h.Metrics.SetUsage(pod.Metadata.Name, memory: "300Mi");
        }

        await h.SyncAsync();

        Assert.Equal(6, h.Replicas);
        Assert.Equal("scaled web from 2 to 6: memory 300Mi per pod of target 100Mi", h.Hpa.Status.LastScaleReason);
    }

    [Fact]
    public async Task SyncAsync_MemoryUtilization_UsesRequests()
    {
        await using var h = new AutoscalerHarness(replicas: 2);
        h.CreateAutoscaler(AutoscalerHarness.CpuSpec() with { Metrics = [new(MetricSourceType.Resource, MetricSpec.Memory, MetricTarget.Utilization(50))] });
        foreach (var pod in h.Pods)
        {
            h.Metrics.SetUsage(pod.Metadata.Name, memory: "100Mi"); // 100 % of the 100Mi request
        }

        await h.SyncAsync();

        Assert.Equal(4, h.Replicas);
    }

    [Fact]
    public async Task SyncAsync_NoCpuRequest_ReportsKubernetesError()
    {
        await using var h = new AutoscalerHarness(replicas: 2, cpuRequest: "0");
        foreach (var pod in h.Pods)
        {
            h.Store.Delete(pod.Key);
        }

        h.Store.Create(new Pod
        {
            Metadata = new ObjectMeta { Name = "bare", Labels = new Dictionary<string, string> { ["app"] = "web" } },
            Spec = new PodSpec { Containers = [new Container { Name = "web", Image = "web:1" }] },
            Status = new PodStatus { Phase = PodPhase.Running },
        });
        h.CreateAutoscaler(AutoscalerHarness.CpuSpec());
        h.Metrics.SetUsage("bare", cpu: "1");

        await h.Controller.SyncAsync(h.Hpa.Key, CancellationToken.None);

        Assert.Contains("missing request for cpu in container web of Pod bare", h.Hpa.Status.Conditions.Find(AutoscalerConditions.ScalingActive)!.Message, StringComparison.Ordinal);
        Assert.Equal(2, h.Replicas);
    }

    [Fact]
    public async Task SyncAsync_TargetScaledToZero_ScalingDisabled()
    {
        await using var h = new AutoscalerHarness(replicas: 0);
        h.CreateAutoscaler(AutoscalerHarness.CpuSpec());

        await h.SyncAsync();

        Assert.Equal(0, h.Replicas);
        Assert.Equal("ScalingDisabled", h.Hpa.Status.Conditions.Find(AutoscalerConditions.ScalingActive)!.Reason);
    }

    [Fact]
    public async Task SyncAsync_MissingDeployment_ReportsFailedGetScale()
    {
        await using var h = new AutoscalerHarness();
        h.CreateAutoscaler(AutoscalerHarness.CpuSpec() with { ScaleTargetName = "nope" });

        await h.SyncAsync();

        var able = h.Hpa.Status.Conditions.Find(AutoscalerConditions.AbleToScale)!;
        Assert.Equal(("False", "FailedGetScale"), (able.Status, able.Reason));
        Assert.Contains("deployments \"nope\" not found", able.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncAsync_QueueDrainsAndRefills_ScalesToZeroAndBackFromZero()
    {
        var queue = new QueueSource(total: 0);
        await using var h = new AutoscalerHarness(replicas: 2, sources: [queue]);
        h.CreateAutoscaler(new HorizontalPodAutoscalerSpec
        {
            ScaleTargetName = AutoscalerHarness.App,
            MinReplicas = 0,
            MaxReplicas = 10,
            Metrics = [new(MetricSourceType.Custom, "queue", MetricTarget.Average("5"))],
        });

        await h.SyncAsync();
        for (var t = 0; t < 300; t += 15)
        {
            await h.NextPeriodAsync();
        }

        var drained = h.Replicas;
        queue.Total = 12;
        await h.NextPeriodAsync();

        Assert.Equal(0, drained);
        Assert.Equal(3, h.Replicas);
        Assert.Equal("scaled web from 0 to 3: queue 12 in total for target 5 per pod", h.Hpa.Status.LastScaleReason);
    }

    private sealed class QueueSource(decimal total) : IMetricSource
    {
        public string Name => "queue";

        public int Calls { get; private set; }

        public decimal Total { get; set; } = total;

        public ValueTask<MetricSample> GetAsync(MetricContext context, CancellationToken cancellationToken)
        {
            Calls++;
            return ValueTask.FromResult(MetricSample.ForTotal(Total));
        }
    }

    private sealed class ThrowingSource : IMetricSource
    {
        public string Name => "broken";

        public ValueTask<MetricSample> GetAsync(MetricContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("queue service unreachable");
    }
}

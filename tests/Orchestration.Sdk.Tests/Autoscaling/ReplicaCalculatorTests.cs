using Orchestration.Sdk.Autoscaling;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Tests.Autoscaling;

public class ReplicaCalculatorTests
{
    private static readonly Tolerance Tol = Tolerance.Default;

    private static Pod NewPod(string name, PodPhase phase = PodPhase.Running, bool ready = true, bool deleting = false) => new()
    {
        Metadata = new ObjectMeta { Name = name, DeletionTimestamp = deleting ? DateTimeOffset.UnixEpoch : null },
        Spec = new PodSpec(),
        Status = new PodStatus { Phase = phase, Conditions = [new Condition(PodConditionType.Ready, ready ? ConditionStatus.True : ConditionStatus.False)] },
    };

    private static Dictionary<string, decimal> Values(params (string Pod, decimal Value)[] values) =>
        values.ToDictionary(v => v.Pod, v => v.Value, StringComparer.Ordinal);

    private static Dictionary<string, decimal> Requests(IEnumerable<Pod> pods, decimal request = 0.1m) =>
        pods.ToDictionary(p => p.Metadata.Name, _ => request, StringComparer.Ordinal);

    [Theory]
    [InlineData(0.140, 70, 6, 140)] // ratio 2.0: double
    [InlineData(0.075, 70, 3, 75)] // ratio 1.07: within the 0.1 tolerance
    [InlineData(0.064, 70, 3, 64)] // ratio 0.914: within the tolerance
    [InlineData(0.078, 70, 4, 78)] // ratio 1.114: ceil(3.34)
    [InlineData(0.035, 70, 2, 35)] // ratio 0.5: ceil(1.5)
    [InlineData(0.000, 70, 0, 0)] // idle: the min bound applies later
    public void Utilization_ThreeReadyPods_IsCeilOfCurrentTimesRatio(double usage, int target, int expected, int utilization)
    {
        Pod[] pods = [NewPod("a"), NewPod("b"), NewPod("c")];
        var values = Values(("a", (decimal)usage), ("b", (decimal)usage), ("c", (decimal)usage));

        var r = ReplicaCalculator.Utilization(3, pods, values, Requests(pods), target, cpu: true, Tol);

        Assert.Equal(expected, r.Replicas);
        Assert.Equal(utilization, r.Utilization);
    }

    [Fact]
    public void Utilization_MissingMetricOnScaleUp_CountsMissingPodAtZero()
    {
        Pod[] pods = [NewPod("a"), NewPod("b"), NewPod("c")];

        // a, b at 140 %; c missing → 0 %: (140+140+0)/3 = 93 % of 70 → ratio 1.33 → ceil(4.0) over 3 pods = 4.
        var r = ReplicaCalculator.Utilization(3, pods, Values(("a", 0.14m), ("b", 0.14m)), Requests(pods), 70, cpu: true, Tol);

        Assert.Equal(4, r.Replicas);
    }

    [Fact]
    public void Utilization_MissingMetricOnScaleDown_CountsMissingPodAtFullRequest()
    {
        Pod[] pods = [NewPod("a"), NewPod("b"), NewPod("c")];

        // a, b at 10 %; c missing → 100 %: 40 % of 70 → ratio 0.571 → ceil(1.71) = 2 (not 1 as without c).
        var r = ReplicaCalculator.Utilization(3, pods, Values(("a", 0.01m), ("b", 0.01m)), Requests(pods), 70, cpu: true, Tol);

        Assert.Equal(2, r.Replicas);
    }

    [Fact]
    public void Utilization_MissingMetricFlipsDirection_KeepsCurrent()
    {
        Pod[] pods = [NewPod("a"), NewPod("b"), NewPod("c"), NewPod("d")];

        // a at 60 % of 70 (scale-down); three missing pods at 100 % would make it a scale-up: keep 4.
        var r = ReplicaCalculator.Utilization(4, pods, Values(("a", 0.06m)), Requests(pods), 70, cpu: true, Tol);

        Assert.Equal(4, r.Replicas);
    }

    [Fact]
    public void Utilization_OnePodAtExactlyTargetAndOneMissing_KeepsTwo()
    {
        Pod[] pods = [NewPod("a"), NewPod("b")];

        // a at exactly 70 % of 70 (ratio 1.0); b without metrics. Kubernetes fills missing pods in only when the ratio is
        // below or above 1.0, so b stays out and the ratio stays 1.0: keep 2 (counting b at 0 would give 1).
        var r = ReplicaCalculator.Utilization(2, pods, Values(("a", 0.07m)), Requests(pods), 70, cpu: true, Tol);

        Assert.Equal(2, r.Replicas);
    }

    [Fact]
    public void AverageValue_OnePodAtExactlyTargetAndOneMissing_KeepsTwo()
    {
        Pod[] pods = [NewPod("a"), NewPod("b")];

        var r = ReplicaCalculator.AverageValue(2, pods, Values(("a", 100m)), 100m, Tol);

        Assert.Equal(2, r.Replicas);
    }

    [Fact]
    public void Utilization_UnreadyCpuPodOnScaleUp_CountsAtZero()
    {
        Pod[] pods = [NewPod("a"), NewPod("b"), NewPod("c", ready: false)];

        // c's 500 % is ignored (not ready) and counted at 0 on the scale-up: 93 % → 4, not the 10 its usage suggests.
        var r = ReplicaCalculator.Utilization(3, pods, Values(("a", 0.14m), ("b", 0.14m), ("c", 0.5m)), Requests(pods), 70, cpu: true, Tol);

        Assert.Equal(4, r.Replicas);
    }

    [Fact]
    public void Utilization_UnreadyPodOnScaleDown_IsLeftOut()
    {
        Pod[] pods = [NewPod("a"), NewPod("b"), NewPod("c", PodPhase.Pending)];

        // Only a and b count: 35 % of 70 → ceil(0.5 × 2) = 1.
        var r = ReplicaCalculator.Utilization(3, pods, Values(("a", 0.035m), ("b", 0.035m)), Requests(pods), 70, cpu: true, Tol);

        Assert.Equal(1, r.Replicas);
    }

    [Fact]
    public void Utilization_TerminatingAndFailedPods_AreIgnored()
    {
        Pod[] pods = [NewPod("a"), NewPod("b", deleting: true), NewPod("c", PodPhase.Failed)];

        var r = ReplicaCalculator.Utilization(3, pods, Values(("a", 0.14m), ("b", 0m), ("c", 0m)), Requests(pods), 70, cpu: true, Tol);

        Assert.Equal(2, r.Replicas);
    }

    [Fact]
    public void Utilization_NoMetricsForReadyPods_Throws()
    {
        Pod[] pods = [NewPod("a")];

        var ex = Assert.Throws<ReplicaCalculationException>(() => ReplicaCalculator.Utilization(1, pods, Values(), Requests(pods), 70, cpu: true, Tol));

        Assert.Equal("did not receive metrics for any ready pods", ex.Message);
    }

    [Theory]
    [InlineData(10, 5, 2, 4)]
    [InlineData(5.4, 5, 2, 2)] // ratio 1.08: within the tolerance
    [InlineData(1, 5, 4, 1)]
    public void AverageValue_PerPod_IsCeilOfPodsTimesRatio(double perPod, double target, int current, int expected)
    {
        var pods = Enumerable.Range(0, current).Select(i => NewPod($"p{i}")).ToList();
        var values = pods.ToDictionary(p => p.Metadata.Name, _ => (decimal)perPod, StringComparer.Ordinal);

        var r = ReplicaCalculator.AverageValue(current, pods, values, (decimal)target, Tol);

        Assert.Equal(expected, r.Replicas);
    }

    [Theory]
    [InlineData(30, 5, 2, 6)]
    [InlineData(10.5, 5, 2, 2)] // 1.05 of target per pod: within the tolerance
    [InlineData(0, 5, 2, 0)]
    [InlineData(12, 5, 0, 3)] // from zero
    public void TotalPerPod_QueueLength_IsCeilOfTotalOverTarget(double total, double target, int current, int expected) =>
        Assert.Equal(expected, ReplicaCalculator.TotalPerPod(current, (decimal)total, (decimal)target, Tol).Replicas);

    [Fact]
    public void TotalValue_ObjectMetric_IsRatioTimesReadyPods()
    {
        Pod[] pods = [NewPod("a"), NewPod("b"), NewPod("c", ready: false)];

        Assert.Equal(4, ReplicaCalculator.TotalValue(3, pods, 200, 100, Tol).Replicas);
    }

    [Theory]
    [InlineData(0.1, 0.1, 1.1, true)]
    [InlineData(0.1, 0.1, 0.9, true)]
    [InlineData(0.1, 0.1, 1.11, false)]
    [InlineData(0.0, 0.5, 0.99, false)]
    [InlineData(0.0, 0.5, 1.4, true)]
    public void Tolerance_IsWithin_PerDirection(double down, double up, double ratio, bool expected) =>
        Assert.Equal(expected, new Tolerance(down, up).IsWithin(ratio));
}

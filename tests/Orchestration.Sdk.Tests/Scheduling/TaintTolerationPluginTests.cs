using Orchestration.Sdk.Model;
using Orchestration.Sdk.Scheduling;
using static Orchestration.Sdk.Tests.Scheduling.SchedulingObjects;

namespace Orchestration.Sdk.Tests.Scheduling;

public sealed class TaintTolerationPluginTests
{
    private const string Gpu = "node(s) had untolerated taint {dedicated: gpu}";

    public static TheoryData<string, Taint[], string?, Toleration[], string?> FilterCases => new()
    {
        { "no taints", [], ConditionStatus.True, [], null },
        { "untolerated NoSchedule", [TaintOf("dedicated", "gpu")], ConditionStatus.True, [], Gpu },
        { "tolerated with Equal", [TaintOf("dedicated", "gpu")], ConditionStatus.True, [new Toleration { Key = "dedicated", Value = "gpu" }], null },
        { "tolerated with Exists", [TaintOf("dedicated", "gpu")], ConditionStatus.True, [new Toleration { Key = "dedicated", Operator = TolerationOperator.Exists }], null },
        { "other value", [TaintOf("dedicated", "gpu")], ConditionStatus.True, [new Toleration { Key = "dedicated", Value = "cpu" }], Gpu },
        { "other effect", [TaintOf("dedicated", "gpu")], ConditionStatus.True, [new Toleration { Key = "dedicated", Value = "gpu", Effect = TaintEffect.NoExecute }], Gpu },
        { "PreferNoSchedule only scores", [TaintOf("dedicated", "gpu", TaintEffect.PreferNoSchedule)], ConditionStatus.True, [], null },
        { "untolerated NoExecute", [TaintOf("dedicated", "gpu", TaintEffect.NoExecute)], ConditionStatus.True, [], Gpu },
        { "first untolerated taint is reported", [TaintOf("a", "1"), TaintOf("dedicated", "gpu")], ConditionStatus.True, [new Toleration { Key = "a", Value = "1" }], Gpu },
        { "not ready", [], ConditionStatus.False, [], "node(s) had untolerated taint {node.kubernetes.io/not-ready: }" },
        { "no Ready condition yet", [], null, [], "node(s) had untolerated taint {node.kubernetes.io/not-ready: }" },
        { "stopped reporting", [], ConditionStatus.Unknown, [], "node(s) had untolerated taint {node.kubernetes.io/unreachable: }" },
        { "tolerates not-ready", [], ConditionStatus.False, [new Toleration { Key = Taint.NotReadyKey, Operator = TolerationOperator.Exists }], null },
        { "tolerates everything", [TaintOf("dedicated", "gpu")], ConditionStatus.Unknown, [new Toleration { Operator = TolerationOperator.Exists }], null },
    };

    [Theory]
    [MemberData(nameof(FilterCases))]
    public void Filter_TaintsAndReadiness_RejectsUntoleratedTaintWithKubernetesReason(string scenario, Taint[] taints, string? ready, Toleration[] tolerations, string? expected)
    {
        var node = NodeInfo.From(Node("n1", ready: ready, taints: taints));

        var status = new TaintTolerationPlugin().Filter(Info(Pod("p", tolerations: tolerations)), node);

        Assert.True(scenario.Length > 0);
        if (expected is null)
        {
            Assert.True(status.IsSuccess, status.ToString());
        }
        else
        {
            Assert.Equal(StatusCode.UnschedulableAndUnresolvable, status.Code);
            Assert.Equal([expected], status.Reasons);
        }
    }

    [Theory]
    [InlineData(new long[] { 0, 0, 0 }, new long[] { 100, 100, 100 })]
    [InlineData(new long[] { 0, 1, 2 }, new long[] { 100, 50, 0 })]
    [InlineData(new long[] { 3, 0 }, new long[] { 0, 100 })]
    public void Normalize_IntolerablePreferNoScheduleCounts_FewerScoresHigher(long[] counts, long[] expected)
    {
        new TaintTolerationPlugin().Normalize(counts);

        Assert.Equal(expected, counts);
    }

    [Fact]
    public void Score_PreferNoScheduleTaints_CountsOnlyTheUntoleratedOnes()
    {
        var node = NodeInfo.From(Node("n1", taints: [TaintOf("a", "1", TaintEffect.PreferNoSchedule), TaintOf("b", "2", TaintEffect.PreferNoSchedule), TaintOf("c", "3")]));
        var pod = Info(Pod("p", tolerations: [new Toleration { Key = "a", Operator = TolerationOperator.Exists }]));

        Assert.Equal(1, new TaintTolerationPlugin().Score(pod, node));
    }
}

using Orchestration.Sdk.Model;
using Orchestration.Sdk.Scheduling;
using static Orchestration.Sdk.Tests.Scheduling.SchedulingObjects;

namespace Orchestration.Sdk.Tests.Scheduling;

public sealed class NodeFilterPluginTests
{
    [Theory]
    [InlineData("", "zone=a", true)]
    [InlineData("zone=a", "zone=a,disk=ssd", true)]
    [InlineData("zone=a,disk=ssd", "zone=a,disk=ssd", true)]
    [InlineData("zone=a", "zone=b", false)]
    [InlineData("disk=ssd", "zone=a", false)]
    [InlineData("zone=a,disk=ssd", "zone=a", false)]
    public void NodeSelector_Labels_MatchesOnlyWhenEveryPairIsOnTheNode(string selector, string labels, bool fits)
    {
        var pod = Info(Pod("p", nodeSelector: Parse(selector)));
        var node = NodeInfo.From(Node("n1", labels: Parse(labels)));

        var status = new NodeSelectorPlugin().Filter(pod, node);

        Assert.Equal(fits, status.IsSuccess);
        if (!fits)
        {
            Assert.Equal(StatusCode.UnschedulableAndUnresolvable, status.Code);
            Assert.Equal(["node(s) didn't match Pod's node affinity/selector"], status.Reasons);
        }
    }

    public static TheoryData<bool, Toleration[], bool> UnschedulableCases => new()
    {
        { false, [], true },
        { true, [], false },
        { true, [new Toleration { Key = "node.kubernetes.io/unschedulable", Operator = TolerationOperator.Exists, Effect = TaintEffect.NoSchedule }], true },
        { true, [new Toleration { Key = "node.kubernetes.io/unschedulable", Operator = TolerationOperator.Exists, Effect = TaintEffect.NoExecute }], false },
        { true, [new Toleration { Key = "dedicated", Operator = TolerationOperator.Exists }], false },
    };

    [Theory]
    [MemberData(nameof(UnschedulableCases))]
    public void NodeUnschedulable_CordonedNode_RejectedUnlessTolerated(bool cordoned, Toleration[] tolerations, bool fits)
    {
        var status = new NodeUnschedulablePlugin().Filter(Info(Pod("p", tolerations: tolerations)), NodeInfo.From(Node("n1", unschedulable: cordoned)));

        Assert.Equal(fits, status.IsSuccess);
        if (!fits)
        {
            Assert.Equal(["node(s) were unschedulable"], status.Reasons);
        }
    }

    private static Dictionary<string, string> Parse(string pairs) =>
        pairs.Length == 0 ? [] : Labels(pairs.Split(','));
}

using Orchestration.Sdk.Model;
using Orchestration.Sdk.Scheduling;
using static Orchestration.Sdk.Tests.Scheduling.SchedulingObjects;

namespace Orchestration.Sdk.Tests.Scheduling;

public sealed class NodeResourcesFitPluginTests
{
    [Theory]
    [InlineData("fits on an empty node", "4", "8Gi", 110, "0", "0", 0, "1", "1Gi", "")]
    [InlineData("fits exactly what is left", "4", "8Gi", 110, "3", "6Gi", 1, "1", "2Gi", "")]
    [InlineData("not enough cpu left", "4", "8Gi", 110, "3500m", "0", 1, "1", "1Gi", "Insufficient cpu")]
    [InlineData("not enough memory left", "4", "8Gi", 110, "0", "7Gi", 1, "1", "2Gi", "Insufficient memory")]
    [InlineData("neither cpu nor memory", "4", "8Gi", 110, "3500m", "7Gi", 1, "1", "2Gi", "Insufficient cpu|Insufficient memory")]
    [InlineData("pod count is full", "4", "8Gi", 2, "0", "0", 2, "100m", "1Mi", "Too many pods")]
    [InlineData("everything short at once", "1", "1Gi", 1, "1", "1Gi", 1, "1", "1Gi", "Too many pods|Insufficient cpu|Insufficient memory")]
    [InlineData("a pod without requests fits a full node", "1", "1Gi", 110, "1", "1Gi", 1, null, null, "")]
    [InlineData("a pod without requests still needs a pod slot", "1", "1Gi", 1, "0", "0", 1, null, null, "Too many pods")]
    [InlineData("a node without allocatable memory", "4", "0", 110, "0", "0", 0, "1", "1Mi", "Insufficient memory")]
    public void Filter_RequestsAgainstAllocatableLessBound_ReturnsKubernetesReasons(
        string scenario, string nodeCpu, string nodeMemory, int nodePods, string usedCpu, string usedMemory, int usedPods, string? podCpu, string? podMemory, string expected)
    {
        var existing = Enumerable.Range(0, usedPods)
            .Select(i => Info(i == 0 ? Pod("used0", usedCpu, usedMemory) : Pod("used" + i)))
            .ToList();
        var node = NodeInfo.From(Node("n1", nodeCpu, nodeMemory, nodePods), existing);

        var status = new NodeResourcesFitPlugin().Filter(Info(Pod("p", podCpu, podMemory)), node);

        Assert.Equal(expected, string.Join("|", status.Reasons));
        Assert.Equal(expected.Length == 0 ? StatusCode.Success : StatusCode.Unschedulable, status.Code);
        Assert.True(scenario.Length > 0);
    }

    [Fact]
    public void Filter_ContainerWithLimitOnly_UsesTheLimitAsRequest()
    {
        var pod = Pod("p") with
        {
            Spec = new PodSpec
            {
                Containers =
                [
                    new Container { Name = "a", Image = "x", Resources = new ResourceRequirements { Limits = new ResourceList { Memory = "3Gi" } } },
                    new Container { Name = "b", Image = "x", Resources = new ResourceRequirements { Requests = new ResourceList { Memory = "1Gi" } } },
                ],
            },
        };
        var info = Info(pod);

        var status = new NodeResourcesFitPlugin().Filter(info, NodeInfo.From(Node("n1", memory: "3Gi")));

        Assert.Equal(4L * 1024 * 1024 * 1024, info.Memory);
        Assert.Equal([NodeResourcesFitPlugin.ReasonInsufficientMemory], status.Reasons);
    }

    [Fact]
    public void Filter_FitsEverywhere_ReturnsTheSharedSuccess()
    {
        var status = new NodeResourcesFitPlugin().Filter(Info(Pod("p", "1", "1Gi")), NodeInfo.From(Node("n1")));

        Assert.Same(FilterStatus.Success, status);
    }
}

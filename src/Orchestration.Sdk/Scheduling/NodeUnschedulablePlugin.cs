namespace Orchestration.Sdk.Scheduling;

/// <summary>Rejects cordoned nodes unless the pod tolerates the unschedulable taint, as kube-scheduler's NodeUnschedulable.</summary>
internal sealed class NodeUnschedulablePlugin : IFilterPlugin
{
    public const string PluginName = "NodeUnschedulable";

    /// <summary>Kubernetes' ErrReasonUnschedulable.</summary>
    public const string ReasonUnschedulable = "node(s) were unschedulable";

    private static readonly FilterStatus Rejected = new(StatusCode.UnschedulableAndUnresolvable, PluginName, ReasonUnschedulable);

    public string Name => PluginName;

    public FilterStatus Filter(PodInfo pod, NodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        if (!node.Unschedulable)
        {
            return FilterStatus.Success;
        }

        foreach (var toleration in pod.Pod.Spec.Tolerations)
        {
            if (toleration.Tolerates(NodeInfo.UnschedulableTaint))
            {
                return FilterStatus.Success;
            }
        }

        return Rejected;
    }
}

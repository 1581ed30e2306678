namespace Orchestration.Sdk.Scheduling;

/// <summary>Rejects nodes missing a label of the pod's node selector, as the selector half of kube-scheduler's NodeAffinity.</summary>
internal sealed class NodeSelectorPlugin : IFilterPlugin
{
    public const string PluginName = "NodeAffinity";

    /// <summary>Kubernetes' ErrReasonPod.</summary>
    public const string ReasonNotMatch = "node(s) didn't match Pod's node affinity/selector";

    private static readonly FilterStatus Rejected = new(StatusCode.UnschedulableAndUnresolvable, PluginName, ReasonNotMatch);

    public string Name => PluginName;

    public FilterStatus Filter(PodInfo pod, NodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        if (!pod.HasNodeSelector)
        {
            return FilterStatus.Success;
        }

        var selector = pod.Pod.Spec.NodeSelector;
        var labels = node.Labels;
        foreach (var (key, value) in selector)
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value)
            {
                return Rejected;
            }
        }

        return FilterStatus.Success;
    }
}

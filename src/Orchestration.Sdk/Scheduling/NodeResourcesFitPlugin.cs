namespace Orchestration.Sdk.Scheduling;

/// <summary>
/// As kube-scheduler's NodeResourcesFit filter: the pod's summed requests must fit in the node's allocatable less what
/// the pods already bound there request (terminating ones count until they are deleted), and the node must have room
/// for one more pod. Every shortage is reported, so one node can count as both "Insufficient cpu" and "Insufficient memory".
/// </summary>
internal sealed class NodeResourcesFitPlugin : IFilterPlugin
{
    public const string PluginName = "NodeResourcesFit";

    public const string ReasonTooManyPods = "Too many pods";

    public const string ReasonInsufficientCpu = "Insufficient cpu";

    public const string ReasonInsufficientMemory = "Insufficient memory";

    // One shared status per combination of shortages (pods, cpu, memory), indexed by a 3-bit mask.
    private static readonly FilterStatus[] Statuses = BuildStatuses();

    public string Name => PluginName;

    public FilterStatus Filter(PodInfo pod, NodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        return Fit(pod, node);
    }

    /// <summary>The filter without argument checks, for the framework's loop over every node.</summary>
    internal static FilterStatus Fit(PodInfo pod, NodeInfo node)
    {
        var mask = 0;
        if (node.PodCount + 1 > node.AllowedPodNumber)
        {
            mask |= 1;
        }

        if (pod.MilliCpu > 0 && pod.MilliCpu > node.AllocatableMilliCpu - node.RequestedMilliCpu)
        {
            mask |= 2;
        }

        if (pod.Memory > 0 && pod.Memory > node.AllocatableMemory - node.RequestedMemory)
        {
            mask |= 4;
        }

        return Statuses[mask];
    }

    private static FilterStatus[] BuildStatuses()
    {
        var statuses = new FilterStatus[8];
        statuses[0] = FilterStatus.Success;
        for (var mask = 1; mask < 8; mask++)
        {
            var reasons = new List<string>(3);
            if ((mask & 1) != 0)
            {
                reasons.Add(ReasonTooManyPods);
            }

            if ((mask & 2) != 0)
            {
                reasons.Add(ReasonInsufficientCpu);
            }

            if ((mask & 4) != 0)
            {
                reasons.Add(ReasonInsufficientMemory);
            }

            statuses[mask] = new FilterStatus(StatusCode.Unschedulable, PluginName, [.. reasons]);
        }

        return statuses;
    }
}

namespace Orchestration.Sdk.Scheduling;

/// <summary>Decides whether a pod may run on a node, as kube-scheduler's FilterPlugin.</summary>
internal interface IFilterPlugin
{
    /// <summary>The plugin name, as in kube-scheduler ("NodeResourcesFit").</summary>
    string Name { get; }

    /// <summary>Returns <see cref="FilterStatus.Success"/> or why the node does not fit. Must not allocate on the success path.</summary>
    FilterStatus Filter(PodInfo pod, NodeInfo node);
}

namespace Orchestration.Sdk.Scheduling;

/// <summary>The outcome of a filter plugin on one node, as kube-scheduler's framework status codes.</summary>
internal enum StatusCode
{
    /// <summary>The pod may run on the node.</summary>
    Success,

    /// <summary>The plugin failed; the scheduling attempt is abandoned and retried later.</summary>
    Error,

    /// <summary>The pod does not fit now, but could if pods on the node went away (resources).</summary>
    Unschedulable,

    /// <summary>The pod does not fit, and removing pods from the node would not help (taints, selector, cordon).</summary>
    UnschedulableAndUnresolvable,
}

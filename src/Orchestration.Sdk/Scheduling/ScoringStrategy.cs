namespace Orchestration.Sdk.Scheduling;

/// <summary>How the scheduler scores a node by the resources its pods request, as kube-scheduler's NodeResourcesFit scoring strategies.</summary>
public enum ScoringStrategy
{
    /// <summary>Prefer the node with the most free CPU and memory left after placing the pod: load is spread over nodes.</summary>
    LeastAllocated,

    /// <summary>Prefer the node with the least free CPU and memory left after placing the pod (bin packing): fewer, fuller nodes.</summary>
    MostAllocated,
}

namespace Orchestration.Sdk.Scheduling;

/// <summary>The outcome of one scheduling attempt: the chosen node, or why none was chosen.</summary>
/// <param name="Node">The chosen node, or null.</param>
/// <param name="Message">Why no node was chosen, in Kubernetes' words ("0/5 nodes are available: …"); null on success.</param>
/// <param name="EvaluatedNodes">How many nodes the filters ran on.</param>
/// <param name="FeasibleNodes">How many of them passed every filter.</param>
/// <param name="IsError">Whether a plugin failed with <see cref="StatusCode.Error"/> (rather than no node fitting).</param>
/// <param name="RejectedByResources">Whether some node was rejected for resources only, so deleting pods may help.</param>
internal readonly record struct ScheduleResult(
    NodeInfo? Node,
    string? Message,
    int EvaluatedNodes,
    int FeasibleNodes,
    bool IsError = false,
    bool RejectedByResources = false);

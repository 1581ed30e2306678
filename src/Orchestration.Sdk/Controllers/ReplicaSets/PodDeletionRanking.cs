using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Controllers.ReplicaSets;

/// <summary>
/// Which pods go first on scale-down, as Kubernetes' ActivePods ordering: unscheduled before scheduled, Pending
/// before Unknown before Running, not ready before ready, more restarts before fewer, newer before older.
/// </summary>
internal static class PodDeletionRanking
{
    public static IEnumerable<Pod> Order(IEnumerable<Pod> pods) => pods
        .OrderBy(p => p.Spec.NodeName is null ? 0 : 1)
        .ThenBy(p => p.Status.Phase switch { PodPhase.Pending => 0, PodPhase.Unknown => 1, _ => 2 })
        .ThenBy(p => p.Status.IsReady ? 1 : 0)
        .ThenByDescending(p => p.Status.RestartCount)
        .ThenByDescending(p => p.Metadata.CreationTimestamp)
        .ThenByDescending(p => p.Metadata.ResourceVersion);
}

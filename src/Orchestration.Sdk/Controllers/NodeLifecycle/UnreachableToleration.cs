using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Controllers.NodeLifecycle;

/// <summary>How long a pod may stay on a node tainted node.kubernetes.io/unreachable:NoExecute, as Kubernetes' taint manager.</summary>
internal static class UnreachableToleration
{
    public static readonly Taint Taint = new(Taint.UnreachableKey, string.Empty, TaintEffect.NoExecute);

    /// <summary>
    /// The pod's tolerance: the smallest tolerationSeconds among its tolerations of the taint; null (forever) when it
    /// tolerates the taint without a limit; <paramref name="defaultSeconds"/> when it does not tolerate it at all (the
    /// toleration Kubernetes' DefaultTolerationSeconds admission plugin would have added).
    /// </summary>
    public static TimeSpan? For(Pod pod, long defaultSeconds)
    {
        var matching = pod.Spec.Tolerations.Where(t => t.Tolerates(Taint)).ToList();
        if (matching.Count == 0)
        {
            return TimeSpan.FromSeconds(Math.Max(0, defaultSeconds));
        }

        var limited = matching.Where(t => t.TolerationSeconds is not null).Select(t => t.TolerationSeconds!.Value).ToList();
        return limited.Count == 0 ? null : TimeSpan.FromSeconds(Math.Max(0, limited.Min()));
    }
}

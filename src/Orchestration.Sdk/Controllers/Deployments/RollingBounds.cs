using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Controllers.Deployments;

/// <summary>
/// The rolling-update bounds: maxSurge rounded up and maxUnavailable rounded down from percentages of the replicas,
/// as Kubernetes resolves them; when both come out zero, maxUnavailable becomes 1 so a rollout can progress.
/// </summary>
internal static class RollingBounds
{
    public static (int MaxSurge, int MaxUnavailable) Resolve(int replicas, DeploymentStrategy? strategy = null)
    {
        if (strategy?.Type == DeploymentStrategyType.Recreate)
        {
            return (0, replicas);
        }

        strategy ??= new DeploymentStrategy();
        var surge = Math.Max(0, strategy.MaxSurge.Resolve(replicas, roundUp: true));
        var unavailable = Math.Max(0, strategy.MaxUnavailable.Resolve(replicas, roundUp: false));
        if (surge == 0 && unavailable == 0)
        {
            unavailable = 1;
        }

        return (surge, unavailable);
    }
}

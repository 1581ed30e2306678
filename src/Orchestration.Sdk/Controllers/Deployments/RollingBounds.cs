namespace Orchestration.Sdk.Controllers.Deployments;

/// <summary>
/// The rolling-update bounds: maxSurge rounded up and maxUnavailable rounded down from percentages of the replicas,
/// as Kubernetes resolves them; when both come out zero, maxUnavailable becomes 1 so a rollout can progress.
/// </summary>
internal static class RollingBounds
{
    public static (int MaxSurge, int MaxUnavailable) Resolve(int replicas, double surgePercent = 25, double unavailablePercent = 25)
    {
        var surge = (int)Math.Ceiling(replicas * surgePercent / 100.0);
        var unavailable = (int)Math.Floor(replicas * unavailablePercent / 100.0);
        if (surge == 0 && unavailable == 0)
        {
            unavailable = 1;
        }

        return (surge, unavailable);
    }
}

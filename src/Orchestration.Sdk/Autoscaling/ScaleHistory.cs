namespace Orchestration.Sdk.Autoscaling;

/// <summary>
/// One autoscaler's memory between syncs, as the Kubernetes HPA controller keeps it per key: the recent unstabilized
/// recommendations (for the stabilization windows) and the recent scale events (for the rate-limit policies).
/// </summary>
internal sealed class ScaleHistory
{
    public List<(DateTimeOffset Time, int Replicas)> Recommendations { get; } = [];

    public List<(DateTimeOffset Time, int Change)> ScaleUpEvents { get; } = [];

    public List<(DateTimeOffset Time, int Change)> ScaleDownEvents { get; } = [];

    /// <summary>When the autoscaler was last evaluated.</summary>
    public DateTimeOffset? LastSync { get; set; }

    /// <summary>The generation of the spec last evaluated.</summary>
    public long Generation { get; set; }

    /// <summary>Remembers a rescale from <paramref name="from"/> to <paramref name="to"/>, forgetting events older than the longest policy period.</summary>
    public void RecordScale(DateTimeOffset now, int from, int to, HorizontalPodAutoscalerBehavior behavior)
    {
        if (to > from)
        {
            Prune(ScaleUpEvents, now, ScaleNormalizer.Policies(behavior.ScaleUp, up: true));
            ScaleUpEvents.Add((now, to - from));
        }
        else if (to < from)
        {
            Prune(ScaleDownEvents, now, ScaleNormalizer.Policies(behavior.ScaleDown, up: false));
            ScaleDownEvents.Add((now, from - to));
        }
    }

    private static void Prune(List<(DateTimeOffset Time, int Change)> events, DateTimeOffset now, IReadOnlyList<ScalingPolicy> policies)
    {
        var longest = policies.Count == 0 ? 0 : policies.Max(p => p.PeriodSeconds);
        var cutoff = now.AddSeconds(-longest);
        events.RemoveAll(e => e.Time <= cutoff);
    }
}

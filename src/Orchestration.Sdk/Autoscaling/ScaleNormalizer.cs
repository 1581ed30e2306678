namespace Orchestration.Sdk.Autoscaling;

/// <summary>
/// Kubernetes' normalizeDesiredReplicasWithBehaviors: first stabilization (scaling up to the lowest, down to the
/// highest recommendation of the direction's window), then the rate-limit policies and min/max bounds, each step
/// with the AbleToScale / ScalingLimited reason and message Kubernetes reports.
/// </summary>
internal static class ScaleNormalizer
{
    public static int DefaultWindowSeconds(bool up) => up ? 0 : 300;

    public static IReadOnlyList<ScalingPolicy> Policies(ScalingRules rules, bool up) =>
        rules.Policies.Count > 0 ? rules.Policies : (up ? ScalingRules.DefaultScaleUp : ScalingRules.DefaultScaleDown).Policies;

    public static int WindowSeconds(ScalingRules rules, bool up) => rules.StabilizationWindowSeconds ?? DefaultWindowSeconds(up);

    /// <summary>Applies stabilization and limits; records the unstabilized <paramref name="desired"/> in <paramref name="history"/>.</summary>
    public static Normalized Normalize(
        ScaleHistory history, DateTimeOffset now, int current, int desired, int minReplicas, int maxReplicas, HorizontalPodAutoscalerBehavior behavior)
    {
        if (history.Recommendations.Count == 0)
        {
            // As Kubernetes' maybeInitScaleDownStabilizationWindow: a new (or restarted) autoscaler does not scale down
            // before a full window has passed.
            history.Recommendations.Add((now, current));
        }

        var stabilized = Stabilize(history, now, current, desired, behavior);
        var (ableReason, ableMessage) = stabilized.Replicas != desired
            ? (stabilized.Reason, stabilized.Message)
            : ("ReadyForNewScale", "recommended size matches current size");

        var (limited, limitReason, limitMessage) = Limit(history, now, current, stabilized.Replicas, minReplicas, maxReplicas, behavior);
        return new Normalized(limited, ableReason, ableMessage, limited != stabilized.Replicas, limitReason, limitMessage);
    }

    private static (int Replicas, string Reason, string Message) Stabilize(
        ScaleHistory history, DateTimeOffset now, int current, int desired, HorizontalPodAutoscalerBehavior behavior)
    {
        var upCutoff = now.AddSeconds(-WindowSeconds(behavior.ScaleUp, up: true));
        var downCutoff = now.AddSeconds(-WindowSeconds(behavior.ScaleDown, up: false));
        var up = desired;
        var down = desired;
        foreach (var (time, replicas) in history.Recommendations)
        {
            if (time > upCutoff)
            {
                up = Math.Min(up, replicas);
            }

            if (time > downCutoff)
            {
                down = Math.Max(down, replicas);
            }
        }

        var recommendation = current;
        if (recommendation < up)
        {
            recommendation = up;
        }

        if (recommendation > down)
        {
            recommendation = down;
        }

        history.Recommendations.RemoveAll(r => r.Time < upCutoff && r.Time < downCutoff);
        history.Recommendations.Add((now, desired));
        return desired >= current
            ? (recommendation, "ScaleUpStabilized", "recent recommendations were lower than current one, applying the lowest recent recommendation")
            : (recommendation, "ScaleDownStabilized", "recent recommendations were higher than current one, applying the highest recent recommendation");
    }

    private static (int Replicas, string Reason, string Message) Limit(
        ScaleHistory history, DateTimeOffset now, int current, int desired, int minReplicas, int maxReplicas, HorizontalPodAutoscalerBehavior behavior)
    {
        if (desired > current)
        {
            var limit = Math.Max(current, ScaleUpLimit(history, now, current, behavior.ScaleUp));
            var (allowed, reason, message) = maxReplicas > limit
                ? (limit, "ScaleUpLimit", "the desired replica count is increasing faster than the maximum scale rate")
                : (maxReplicas, "TooManyReplicas", "the desired replica count is more than the maximum replica count");
            if (desired > allowed)
            {
                return (allowed, reason, message);
            }
        }
        else if (desired < current)
        {
            var limit = Math.Min(current, ScaleDownLimit(history, now, current, behavior.ScaleDown));
            var (allowed, reason, message) = minReplicas < limit
                ? (limit, "ScaleDownLimit", "the desired replica count is decreasing faster than the maximum scale rate")
                : (minReplicas, "TooFewReplicas", "the desired replica count is less than the minimum replica count");
            if (desired < allowed)
            {
                return (allowed, reason, message);
            }
        }

        return (desired, "DesiredWithinRange", "the desired count is within the acceptable range");
    }

    /// <summary>Kubernetes' calculateScaleUpLimitWithScalingRules.</summary>
    internal static int ScaleUpLimit(ScaleHistory history, DateTimeOffset now, int current, ScalingRules rules)
    {
        if (rules.SelectPolicy == ScalingPolicySelect.Disabled)
        {
            return current;
        }

        var min = rules.SelectPolicy == ScalingPolicySelect.Min;
        long result = min ? int.MaxValue : int.MinValue;
        foreach (var policy in Policies(rules, up: true))
        {
            var start = PeriodStart(history, now, current, policy.PeriodSeconds);
            long proposed = policy.Type == ScalingPolicyType.Pods
                ? start + policy.Value
                : (long)Math.Ceiling(start * (1 + (policy.Value / 100.0)));
            result = min ? Math.Min(result, proposed) : Math.Max(result, proposed);
        }

        return (int)Math.Clamp(result, int.MinValue, int.MaxValue);
    }

    /// <summary>Kubernetes' calculateScaleDownLimitWithBehaviors.</summary>
    internal static int ScaleDownLimit(ScaleHistory history, DateTimeOffset now, int current, ScalingRules rules)
    {
        if (rules.SelectPolicy == ScalingPolicySelect.Disabled)
        {
            return current;
        }

        var min = rules.SelectPolicy == ScalingPolicySelect.Min;
        long result = min ? int.MinValue : int.MaxValue;
        foreach (var policy in Policies(rules, up: false))
        {
            var start = PeriodStart(history, now, current, policy.PeriodSeconds);
            long proposed = policy.Type == ScalingPolicyType.Pods
                ? start - policy.Value
                : (long)(start * (1 - (policy.Value / 100.0)));
            result = min ? Math.Max(result, proposed) : Math.Min(result, proposed);
        }

        return (int)Math.Clamp(result, int.MinValue, int.MaxValue);
    }

    /// <summary>The replica count at the start of the period: the current count minus what was added plus what was removed since.</summary>
    private static long PeriodStart(ScaleHistory history, DateTimeOffset now, int current, int periodSeconds)
    {
        var cutoff = now.AddSeconds(-periodSeconds);
        var added = history.ScaleUpEvents.Where(e => e.Time > cutoff).Sum(e => (long)e.Change);
        var removed = history.ScaleDownEvents.Where(e => e.Time > cutoff).Sum(e => (long)e.Change);
        return current - added + removed;
    }
}

namespace Orchestration.Sdk.Model;

/// <summary>Helpers for lists of conditions.</summary>
public static class Conditions
{
    /// <summary>Finds a condition by type.</summary>
    /// <param name="conditions">The list.</param>
    /// <param name="type">The condition type.</param>
    public static Condition? Find(this IReadOnlyList<Condition> conditions, string type)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        foreach (var c in conditions)
        {
            if (c.Type == type)
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>Returns the list with <paramref name="condition"/> set, keeping the old transition time when the status did not change.</summary>
    /// <param name="conditions">The list.</param>
    /// <param name="condition">The new condition.</param>
    public static IReadOnlyList<Condition> Set(this IReadOnlyList<Condition> conditions, Condition condition)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        ArgumentNullException.ThrowIfNull(condition);
        var existing = conditions.Find(condition.Type);
        if (existing is not null && existing.Status == condition.Status)
        {
            // As Kubernetes' SetDeploymentCondition: the same status, reason and message is no change at all, so the
            // update time is kept too (else every reconcile rewrites the object and its own watch event loops).
            if (existing.Reason == condition.Reason && existing.Message == condition.Message)
            {
                return conditions;
            }

            condition = condition with { LastTransitionTime = existing.LastTransitionTime };
            if (existing == condition)
            {
                return conditions;
            }
        }

        var list = conditions.Where(c => c.Type != condition.Type).ToList();
        list.Add(condition);
        return list;
    }
}

namespace Orchestration.Sdk.Model;

/// <summary>Lets a pod be scheduled onto (or stay on) a node with a matching taint.</summary>
public sealed record Toleration
{
    /// <summary>The taint key; empty with <see cref="TolerationOperator.Exists"/> matches every taint.</summary>
    public string Key { get; init; } = string.Empty;

    /// <summary>How the value is compared. <value>The default value is <see cref="TolerationOperator.Equal"/>.</value></summary>
    public TolerationOperator Operator { get; init; } = TolerationOperator.Equal;

    /// <summary>The value to equal. <value>The default value is empty.</value></summary>
    public string Value { get; init; } = string.Empty;

    /// <summary>The effect to tolerate; null tolerates every effect. <value>The default value is null.</value></summary>
    public TaintEffect? Effect { get; init; }

    /// <summary>For NoExecute: how long the pod may stay after the taint appears; null is forever. <value>The default value is null.</value></summary>
    public long? TolerationSeconds { get; init; }

    /// <summary>Whether this toleration matches a taint, as Kubernetes' ToleratesTaint.</summary>
    /// <param name="taint">The taint.</param>
    public bool Tolerates(Taint taint)
    {
        ArgumentNullException.ThrowIfNull(taint);
        if (Effect is not null && Effect != taint.Effect)
        {
            return false;
        }

        if (Key.Length > 0 && Key != taint.Key)
        {
            return false;
        }

        return Operator == TolerationOperator.Exists || Value == taint.Value;
    }
}

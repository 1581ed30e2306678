namespace Orchestration.Sdk.Controllers.Engine;

/// <summary>What a reconcile asks for next, as controller-runtime's Result.</summary>
/// <param name="RequeueAfter">Reconcile the key again after this delay, or null when done.</param>
public readonly record struct ReconcileResult(TimeSpan? RequeueAfter = null)
{
    /// <summary>
    /// Gets when to reconcile the key again, as an instant of the controller's clock, or null. It wins over
    /// <see cref="RequeueAfter"/>: a reconcile that computed a due time from its clock reading asks for that instant, so
    /// time that passes before the queue arms its timer is not added to the wait.
    /// <value>The default value is null.</value>
    /// </summary>
    public DateTimeOffset? RequeueAt { get; init; }

    /// <summary>Gets the result of a finished reconcile.</summary>
    public static ReconcileResult Done => default;

    /// <summary>Asks for the key again after <paramref name="delay"/>.</summary>
    /// <param name="delay">The delay.</param>
    /// <returns>The result.</returns>
    public static ReconcileResult After(TimeSpan delay) => new(delay);

    /// <summary>Asks for the key again at <paramref name="due"/> on the controller's clock (at once if it has passed).</summary>
    /// <param name="due">The instant.</param>
    /// <returns>The result.</returns>
    public static ReconcileResult At(DateTimeOffset due) => new() { RequeueAt = due };
}

namespace Orchestration.Sdk.Controllers.Engine;

/// <summary>What a reconcile asks for next, as controller-runtime's Result.</summary>
/// <param name="RequeueAfter">Reconcile the key again after this delay, or null when done.</param>
public readonly record struct ReconcileResult(TimeSpan? RequeueAfter = null)
{
    /// <summary>Gets the result of a finished reconcile.</summary>
    public static ReconcileResult Done => default;

    /// <summary>Asks for the key again after <paramref name="delay"/>.</summary>
    /// <param name="delay">The delay.</param>
    /// <returns>The result.</returns>
    public static ReconcileResult After(TimeSpan delay) => new(delay);
}

namespace Orchestration.Sdk.Controllers.Engine;

/// <summary>What a reconcile asks for next, as controller-runtime's Result.</summary>
/// <param name="RequeueAfter">Reconcile the key again after this delay, or null when done.</param>
internal readonly record struct ReconcileResult(TimeSpan? RequeueAfter = null)
{
    public static ReconcileResult Done => default;

    public static ReconcileResult After(TimeSpan delay) => new(delay);
}

using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Controllers.Engine;

/// <summary>
/// Drives objects of one kind to their spec, as controller-runtime's Reconciler; register it with <c>AddReconciler</c>. An
/// exception is retried with exponential backoff, a <see cref="TerminalReconcileException"/> is not retried.
/// </summary>
/// <typeparam name="T">The reconciled kind.</typeparam>
public interface IReconciler<T>
    where T : Resource
{
    /// <summary>Reconciles the object named by <paramref name="key"/> (it may be gone).</summary>
    /// <param name="key">The object's key.</param>
    /// <param name="cancellationToken">Stops the reconcile.</param>
    /// <returns>Whether to reconcile again later.</returns>
    Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken);
}

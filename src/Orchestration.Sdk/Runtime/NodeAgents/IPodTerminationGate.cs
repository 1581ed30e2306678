using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Runtime.NodeAgents;

/// <summary>
/// Lets go of a terminating pod before its containers get SIGTERM: the pod leaves the service endpoints and the service
/// proxy's open connections to it finish, so a rolling update under load loses no request. The node agent waits for
/// every registered gate at once, at most for the pod's termination grace period, and the time spent is taken from
/// that grace period. Register one with <c>TryAddEnumerable(ServiceDescriptor.Singleton&lt;IPodTerminationGate, T&gt;())</c>.
/// </summary>
public interface IPodTerminationGate
{
    /// <summary>
    /// Completes when nothing routes new traffic to <paramref name="pod"/> any more and the connections it cares about
    /// are done; completes at once for a pod it knows nothing of. It may be called more than once for one pod (the agent
    /// restarted, or the pod's teardown was retried) and for many pods concurrently. When the grace period ends first
    /// the token is cancelled: throw <see cref="OperationCanceledException"/>, and the agent logs the timeout and stops
    /// the containers anyway. Any other exception fails this sync of the pod, which the agent retries with back-off.
    /// </summary>
    /// <param name="pod">The terminating pod (with its last known address).</param>
    /// <param name="cancellationToken">Cancelled when the grace period is over or the agent stops.</param>
    /// <returns>A task that completes when the pod is drained.</returns>
    Task WaitUntilDrainedAsync(Pod pod, CancellationToken cancellationToken);
}

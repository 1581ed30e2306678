using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Runtime.NodeAgents;

/// <summary>
/// Lets go of a terminating pod before its containers get SIGTERM: the pod leaves the service endpoints and the service
/// proxy's open connections to it finish, so a rolling update under load loses no request. The node agent waits for
/// every gate, at most for the pod's termination grace period.
/// </summary>
internal interface IPodTerminationGate
{
    /// <summary>Completes when nothing routes new traffic to <paramref name="pod"/> any more.</summary>
    /// <param name="pod">The terminating pod (with its last known address).</param>
    /// <param name="cancellationToken">Cancelled when the grace period is over or the agent stops.</param>
    Task WaitUntilDrainedAsync(Pod pod, CancellationToken cancellationToken);
}

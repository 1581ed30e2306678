using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime.Probes;

namespace Orchestration.Sdk.Runtime.NodeAgents;

internal sealed partial class PodSynchronizer
{
    /// <summary>
    /// Kills an instance whose liveness or startup probe failed, with the pod's grace period, as the kubelet does; the
    /// exited instance is then restarted (or not) by the restart policy and back-off, like any exit.
    /// </summary>
    private async Task<bool> KillUnhealthyAsync(Pod pod, Container spec, string containerId, string message, ContainerRecord record, CancellationToken ct)
    {
        record.KillMessages[containerId] = message;
        ProbeLog.Killing(agent.Logger, agent.NodeName, Key.Display, message);
        agent.Events.Killing(pod, spec, message);
        try
        {
            var grace = TimeSpan.FromSeconds(Math.Max(0, pod.Spec.TerminationGracePeriodSeconds));
            await agent.Calls.StopContainerAsync(containerId, grace, ct, spec.Name).ConfigureAwait(false);
        }
        catch (ContainerRuntimeException ex)
        {
            NodeAgentLog.RuntimeCallFailed(agent.Logger, ex, agent.NodeName, Key.Display, spec.Name, ex.Reason);
            return false;
        }

        // Keep only the messages of instances that may still be shown (the newest two).
        foreach (var id in record.KillMessages.Keys.Where(id => id != containerId).ToList())
        {
            record.KillMessages.Remove(id);
        }

        return true;
    }
}

using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Runtime.NodeAgents;

/// <summary>A pod's phase from its container statuses, as the kubelet's getPhase.</summary>
internal static class PodPhases
{
    public static PodPhase Compute(RestartPolicy policy, IReadOnlyList<ContainerStatus> statuses)
    {
        int running = 0, waiting = 0, stopped = 0, succeeded = 0;
        foreach (var s in statuses)
        {
            if (s.State.Running is not null)
            {
                running++;
            }
            else if (s.State.Terminated is { } t)
            {
                stopped++;
                if (t.ExitCode == 0)
                {
                    succeeded++;
                }
            }
            else if (s.LastState?.Terminated is not null)
            {
                stopped++; // waiting to restart after an exit
            }
            else
            {
                waiting++;
            }
        }

        if (waiting > 0 || statuses.Count == 0)
        {
            return PodPhase.Pending;
        }

        if (running > 0)
        {
            return PodPhase.Running;
        }

        // Every container has exited at least once.
        if (policy == RestartPolicy.Always)
        {
            return PodPhase.Running;
        }

        if (stopped == succeeded)
        {
            return PodPhase.Succeeded;
        }

        return policy == RestartPolicy.Never ? PodPhase.Failed : PodPhase.Running;
    }

    /// <summary>
    /// The phase while init containers have not all completed (the kubelet's getPhase): Failed when one failed under
    /// restart policy Never, else Pending.
    /// </summary>
    public static PodPhase Initializing(RestartPolicy policy, IReadOnlyList<ContainerStatus> initStatuses) =>
        policy == RestartPolicy.Never && initStatuses.Any(s => s.State.Terminated is { ExitCode: not 0 }) ? PodPhase.Failed : PodPhase.Pending;
}

using System.Globalization;

namespace Orchestration.Sdk.Model;

/// <summary>
/// The STATUS text <c>kubectl get pods</c> prints for a pod, as kubectl's printPod: the phase (or the pod's reason),
/// overridden while init containers run (<c>Init:1/2</c>, <c>Init:CrashLoopBackOff</c>, <c>Init:Error</c>), then by the
/// first app container's waiting or terminated reason (<c>PodInitializing</c>, <c>CrashLoopBackOff</c>,
/// <c>Completed</c>), and <c>Terminating</c> for a pod being deleted that has not finished.
/// </summary>
public static class PodDisplayStatus
{
    /// <summary>The STATUS text of <paramref name="pod"/>.</summary>
    /// <param name="pod">The pod.</param>
    /// <returns>The text, for example "Running", "Init:0/2" or "CrashLoopBackOff".</returns>
    public static string Of(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var status = pod.Status;
        var reason = status.Reason ?? status.Phase.ToString();
        var initializing = false;
        for (var i = 0; i < status.InitContainerStatuses.Count; i++)
        {
            var c = status.InitContainerStatuses[i];
            if (c.State.Terminated is { ExitCode: 0 })
            {
                continue;
            }

            initializing = true;
            reason = c.State switch
            {
                { Terminated: { } t } => t.Reason is { Length: > 0 } r ? "Init:" + r : $"Init:ExitCode:{I(t.ExitCode)}",
                { Waiting.Reason: { Length: > 0 } w } when w != "PodInitializing" => "Init:" + w,
                _ => $"Init:{I(i)}/{I(pod.Spec.InitContainers.Count)}",
            };
            break;
        }

        if (!initializing || status.Conditions.Find(PodConditionType.Initialized)?.IsTrue == true)
        {
            var hasRunning = false;
            for (var i = status.ContainerStatuses.Count - 1; i >= 0; i--)
            {
                var c = status.ContainerStatuses[i];
                if (c.State.Waiting is { Reason.Length: > 0 } waiting)
                {
                    reason = waiting.Reason;
                }
                else if (c.State.Terminated is { } t)
                {
                    reason = t.Reason is { Length: > 0 } r ? r : $"ExitCode:{I(t.ExitCode)}";
                }
                else if (c.Ready && c.State.Running is not null)
                {
                    hasRunning = true;
                }
            }

            if (reason == "Completed" && hasRunning)
            {
                reason = status.Conditions.Find(PodConditionType.Ready)?.IsTrue == true ? "Running" : "NotReady";
            }
        }

        if (pod.Metadata.DeletionTimestamp is not null && status.Phase is not (PodPhase.Succeeded or PodPhase.Failed))
        {
            reason = "Terminating";
        }

        return reason;
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}

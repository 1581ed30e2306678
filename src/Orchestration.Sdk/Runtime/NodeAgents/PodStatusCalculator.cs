using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Runtime.NodeAgents;

/// <summary>Computes a pod's status from what the runtime holds, as the kubelet's generateAPIPodStatus.</summary>
internal static class PodStatusCalculator
{
    /// <param name="pod">The pod as stored; its conditions and start time are kept.</param>
    /// <param name="observed">What the runtime holds for it.</param>
    /// <param name="records">The worker's record of each container, by name.</param>
    /// <param name="sandboxError">Why the sandbox could not be created, shown on containers that have no instance.</param>
    /// <param name="now">The time.</param>
    /// <param name="hostIp">The node's address.</param>
    /// <param name="readiness">Whether a running container is ready.</param>
    public static PodStatus Compute(Pod pod, PodObservation observed, IReadOnlyDictionary<string, ContainerRecord> records, ContainerStateWaiting? sandboxError, DateTimeOffset now, string? hostIp, ContainerReadiness readiness)
    {
        var initPolicy = InitRestartPolicy(pod.Spec.RestartPolicy);
        var initStatuses = pod.Spec.InitContainers.Select(c => InitStatus(ContainerStatusOf(pod, c, initPolicy, observed, records[c.Name], sandboxError, now, readiness))).ToList();
        var incomplete = initStatuses.Where(s => s.State.Terminated is not { ExitCode: 0 }).Select(s => s.Name).ToList();
        var statuses = pod.Spec.Containers.Select(c => ContainerStatusOf(pod, c, pod.Spec.RestartPolicy, observed, records[c.Name], sandboxError, now, readiness))
            .Select(s => incomplete.Count > 0 && s.State.Waiting is { Reason: "ContainerCreating" } ? s with { State = ContainerState.WaitingFor("PodInitializing") } : s)
            .ToList();
        var phase = pod.Status.Phase is PodPhase.Succeeded or PodPhase.Failed ? pod.Status.Phase
            : incomplete.Count > 0 ? PodPhases.Initializing(pod.Spec.RestartPolicy, initStatuses)
            : PodPhases.Compute(pod.Spec.RestartPolicy, statuses);
        Condition initialized = incomplete.Count == 0
            ? new(PodConditionType.Initialized, ConditionStatus.True, null, null, now)
            : new(PodConditionType.Initialized, ConditionStatus.False, "ContainersNotInitialized", $"containers with incomplete status: [{string.Join(' ', incomplete)}]", now);
        var unready = statuses.Where(s => !s.Ready).Select(s => s.Name).ToList();
        Condition containersReady = phase == PodPhase.Succeeded
            ? new(PodConditionType.ContainersReady, ConditionStatus.False, "PodCompleted", null, now)
            : unready.Count == 0
                ? new(PodConditionType.ContainersReady, ConditionStatus.True, null, null, now)
                : new(PodConditionType.ContainersReady, ConditionStatus.False, "ContainersNotReady", $"containers with unready status: [{string.Join(' ', unready)}]", now);
        var ready = containersReady with { Type = PodConditionType.Ready };
        return pod.Status with
        {
            Phase = phase,
            Conditions = (pod.Spec.InitContainers.Count > 0 ? pod.Status.Conditions.Set(initialized) : pod.Status.Conditions).Set(containersReady).Set(ready),
            InitContainerStatuses = initStatuses,
            ContainerStatuses = statuses,
            PodIP = observed.Sandbox?.IPAddress ?? pod.Status.PodIP,
            HostIP = hostIp ?? pod.Status.HostIP,
            StartTime = pod.Status.StartTime ?? now,
        };
    }

    /// <summary>An init container's restart policy: a failed one is restarted unless the pod's policy is Never (as the kubelet).</summary>
    public static RestartPolicy InitRestartPolicy(RestartPolicy podPolicy) => podPolicy == RestartPolicy.Never ? RestartPolicy.Never : RestartPolicy.OnFailure;

    /// <summary>Whether the restart policy restarts an instance that exited with <paramref name="exitCode"/>.</summary>
    public static bool ShouldRestart(RestartPolicy policy, int? exitCode) => policy switch
    {
        RestartPolicy.Always => true,
        RestartPolicy.OnFailure => exitCode != 0,
        _ => false,
    };

    /// <summary>The terminated state of an exited instance; reason "OOMKilled", "Completed" (code 0) or "Error".</summary>
    /// <remarks>An instance the agent killed for a failed probe carries the kubelet's message ("Container web failed liveness probe, will be restarted").</remarks>
    public static ContainerStateTerminated Terminated(RuntimeContainer c, DateTimeOffset now, ContainerRecord? record = null)
    {
        var code = c.ExitCode ?? 0;
        var reason = c.OomKilled ? "OOMKilled" : code == 0 ? "Completed" : "Error";
        var message = record is not null && record.KillMessages.TryGetValue(c.Id, out var killed) ? killed : c.Error;
        return new ContainerStateTerminated(code, reason, c.StartedAt ?? c.CreatedAt, c.FinishedAt ?? now, message);
    }

    /// <summary>Kubernetes' crash-loop message: "back-off 20s restarting failed container=web pod=web-abc_default(uid)".</summary>
    public static string BackOffMessage(Pod pod, string container, TimeSpan backoff) =>
        $"back-off {GoDuration.Format(backoff)} restarting failed container={container} pod={pod.Metadata.Name}_{pod.Metadata.Namespace}({pod.Metadata.Uid})";

    /// <summary>A completed init container is Ready, as the kubelet reports it.</summary>
    private static ContainerStatus InitStatus(ContainerStatus s) => s.State.Terminated is { ExitCode: 0 } ? s with { Ready = true } : s;

    private static ContainerStatus ContainerStatusOf(Pod pod, Container spec, RestartPolicy policy, PodObservation observed, ContainerRecord record, ContainerStateWaiting? sandboxError, DateTimeOffset now, ContainerReadiness readiness)
    {
        var current = observed.Current(spec.Name);
        var previous = observed.Previous(spec.Name);
        var last = previous is not null ? Terminated(previous, now, record) : current is null ? record.LastTermination : null;
        ContainerState state;
        var ready = false;
        switch (current?.State)
        {
            case null:
                state = new ContainerState { Waiting = record.Error ?? sandboxError ?? new ContainerStateWaiting("ContainerCreating") };
                break;
            case RuntimeContainerState.Created:
                state = new ContainerState { Waiting = record.Error ?? new ContainerStateWaiting("ContainerCreating") };
                break;
            case RuntimeContainerState.Running:
                state = ContainerState.RunningSince(current.StartedAt ?? current.CreatedAt);
                ready = readiness(pod, spec, current);
                break;
            default:
                var terminated = Terminated(current, now, record);
                var restarting = pod.Status.Phase is not (PodPhase.Succeeded or PodPhase.Failed) && ShouldRestart(policy, current.ExitCode);
                if (restarting && record.BackoffUntil is { } until && now < until && record.Backoff.Current is { } backoff)
                {
                    state = ContainerState.WaitingFor("CrashLoopBackOff", BackOffMessage(pod, spec.Name, backoff));
                    last = terminated;
                }
                else if (restarting && record.Error is { } error)
                {
                    state = new ContainerState { Waiting = error };
                    last = terminated;
                }
                else
                {
                    state = new ContainerState { Terminated = terminated };
                }

                break;
        }

        return new ContainerStatus
        {
            Name = spec.Name,
            State = state,
            LastState = last is null ? null : new ContainerState { Terminated = last },
            Ready = ready,
            RestartCount = current is null ? record.RestartCount : PodObservation.RestartCountOf(current),
            Image = spec.Image,
            ContainerId = current?.Id,
        };
    }
}

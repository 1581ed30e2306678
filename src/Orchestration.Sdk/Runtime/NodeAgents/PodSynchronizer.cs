using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Runtime.NodeAgents;

/// <summary>
/// Moves one pod's containers toward its spec, as the kubelet's syncPod: sandbox, then containers; restarts per restart
/// policy with crash-loop back-off; writes the status. A deleted, re-bound or terminating pod is torn down instead.
/// Used by one <see cref="PodWorker"/> only, so its state needs no lock.
/// </summary>
internal sealed partial class PodSynchronizer(NodeAgent agent, string uid, ObjectKey key)
{
    /// <summary>The grace period for containers whose pod the agent never saw (the kubelet's minimum).</summary>
    private static readonly TimeSpan OrphanGracePeriod = TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, ContainerRecord> _records = new(StringComparer.Ordinal);
    private readonly ContainerRecord _sandbox = new();
    private TimeSpan? _gracePeriod;

    public string Uid { get; } = uid;

    public ObjectKey Key { get; } = key;

    private NodeAgentOptions Options => agent.Options;

    /// <summary>One sync, as the span "sync pod" (linked to the context stored on the pod) while spans are recorded.</summary>
    public async Task<SyncOutcome> SyncAsync(CancellationToken cancellationToken)
    {
        var pod = agent.Store.Get<Pod>(Key);
        using var activity = Diagnostics.OrchestrationActivities.StartPodSync(pod, Key, Uid, agent.NodeName);
        try
        {
            return await SyncAsync(pod, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (activity is not null)
        {
            Diagnostics.OrchestrationActivities.Fail(activity, ex);
            throw;
        }
    }

    private async Task<SyncOutcome> SyncAsync(Pod? pod, CancellationToken cancellationToken)
    {
        if (pod is null || pod.Metadata.Uid != Uid || pod.Spec.NodeName != agent.NodeName)
        {
            agent.Probes.Remove(Uid);
            await TeardownAsync(_gracePeriod ?? OrphanGracePeriod, orphan: true, cancellationToken).ConfigureAwait(false);
            return SyncOutcome.Done;
        }

        _gracePeriod = TimeSpan.FromSeconds(Math.Max(0, pod.Spec.TerminationGracePeriodSeconds));
        if (pod.IsTerminating())
        {
            agent.Probes.Remove(Uid);
            RecordStopping(pod);
            var drained = await DrainAsync(pod, _gracePeriod.Value, cancellationToken).ConfigureAwait(false);
            await TeardownAsync(_gracePeriod.Value - drained, orphan: false, cancellationToken).ConfigureAwait(false);
            DeleteFromStore();
            return SyncOutcome.Done;
        }

        if (pod.Status.Phase is PodPhase.Succeeded or PodPhase.Failed)
        {
            agent.Probes.Remove(Uid);
            return SyncOutcome.Idle; // a finished pod's containers are never started again
        }

        foreach (var c in pod.Spec.InitContainers.Concat(pod.Spec.Containers))
        {
            _records.TryAdd(c.Name, new ContainerRecord());
        }

        var wake = new WakeTime();
        var observed = await ObserveAsync(cancellationToken).ConfigureAwait(false);
        if (LostARunningContainer(pod, observed))
        {
            // As the kubelet's syncPod, which sets the status before it acts: a container that exited or was removed
            // shows (not Ready, out of the endpoints) now, not after its replacement was created and started.
            WriteStatus(observed);
        }

        for (var round = 0; round < 4 && await ActAsync(pod, observed, wake, cancellationToken).ConfigureAwait(false); round++)
        {
            observed = await ObserveAsync(cancellationToken).ConfigureAwait(false);
        }

        agent.Probes.Update(pod, observed);
        WriteStatus(observed);
        return new SyncOutcome(false, wake.Earliest);
    }

    /// <summary>Whether a container the pod's status shows running is no longer running in the runtime.</summary>
    private static bool LostARunningContainer(Pod pod, PodObservation observed) =>
        pod.Status.ContainerStatuses.Any(s => s.State.Running is not null && observed.Current(s.Name)?.State != RuntimeContainerState.Running);

    private async Task<PodObservation> ObserveAsync(CancellationToken ct)
    {
        var selector = ContainerRequests.PodSelector(agent.NodeName, Options.ApplicationName, Uid);
        var containers = await agent.Calls.ListContainersAsync(selector, ct).ConfigureAwait(false);
        var sandboxes = await agent.Calls.ListPodSandboxesAsync(selector, ct).ConfigureAwait(false);
        return new PodObservation(sandboxes, containers);
    }

    /// <summary>Takes at most one step per container; returns whether the runtime changed (observe again).</summary>
    private async Task<bool> ActAsync(Pod pod, PodObservation observed, WakeTime wake, CancellationToken ct)
    {
        var now = agent.Time.GetUtcNow();
        var sandbox = observed.Sandbox;
        if (sandbox is null)
        {
            if (_sandbox.WaitingForRetry(now))
            {
                wake.At(_sandbox.RetryAt);
                return false;
            }

            try
            {
                sandbox = await agent.Calls.RunPodSandboxAsync(
                    ContainerRequests.Sandbox(pod, agent.NodeName, Options.ApplicationName) with { HostAliases = Networking.ServiceHosts.For(agent.ServicesIn(pod.Metadata.Namespace)) },
                    ct).ConfigureAwait(false);
                _sandbox.Succeeded();
                NodeAgentLog.SandboxCreated(agent.Logger, agent.NodeName, Key.Display, sandbox.IPAddress);
                return true;
            }
            catch (ContainerRuntimeException ex)
            {
                _sandbox.Failed(ex, now, Options);
                wake.At(_sandbox.RetryAt);
                NodeAgentLog.RuntimeCallFailed(agent.Logger, ex, agent.NodeName, Key.Display, "pod sandbox", ex.Reason);
                return false;
            }
        }

        // Init containers one at a time, in order: the first that has not exited 0 is the one to run; app containers
        // start only once every init container has.
        foreach (var spec in pod.Spec.InitContainers)
        {
            if (observed.Current(spec.Name) is { State: RuntimeContainerState.Exited, ExitCode: 0 })
            {
                continue;
            }

            return await StepAsync(pod, spec, PodStatusCalculator.InitRestartPolicy(pod.Spec.RestartPolicy), sandbox.Id, observed, wake, now, ct).ConfigureAwait(false);
        }

        var acted = false;
        foreach (var spec in pod.Spec.Containers)
        {
            acted |= await StepAsync(pod, spec, pod.Spec.RestartPolicy, sandbox.Id, observed, wake, now, ct).ConfigureAwait(false);
        }

        return acted;
    }

    private async Task<bool> StepAsync(Pod pod, Container spec, RestartPolicy policy, string sandboxId, PodObservation observed, WakeTime wake, DateTimeOffset now, CancellationToken ct)
    {
        var record = _records[spec.Name];
        var current = observed.Current(spec.Name);
        if (current is not null)
        {
            record.Seen = true;
            record.RestartCount = PodObservation.RestartCountOf(current);
        }

        if (current?.State != RuntimeContainerState.Exited)
        {
            record.BackoffUntil = null;
        }

        if (record.WaitingForRetry(now) && current?.State != RuntimeContainerState.Running)
        {
            wake.At(record.RetryAt);
            return false;
        }

        switch (current?.State)
        {
            case null:
                return await CreateAndStartAsync(pod, spec, sandboxId, record.Seen ? record.RestartCount + 1 : 0, record, wake, now, ct).ConfigureAwait(false);
            case RuntimeContainerState.Created:
                return await StartAsync(pod, spec, current.Id, record, wake, now, ct).ConfigureAwait(false);
            case RuntimeContainerState.Running when agent.Probes.FailureOf(Uid, current.Id) is { } failure:
                return await KillUnhealthyAsync(pod, spec, current.Id, failure, record, ct).ConfigureAwait(false);
            case RuntimeContainerState.Running:
                await Configuration.ConfigFileRefresh.RefreshAsync(agent, Key, pod, spec, current.Id, record, ct).ConfigureAwait(false);
                return false;
        }

        record.LastTermination = PodStatusCalculator.Terminated(current, now, record);
        if (!PodStatusCalculator.ShouldRestart(policy, current.ExitCode))
        {
            return false;
        }

        var held = record.Backoff.HeldUntil(current.StartedAt ?? current.CreatedAt, current.FinishedAt ?? now, now, Options);
        record.BackoffUntil = held;
        if (held is { } until)
        {
            agent.Events.BackOff(pod, spec);
            wake.At(until);
            return false;
        }

        var restartCount = PodObservation.RestartCountOf(current) + 1;
        NodeAgentLog.Restarting(agent.Logger, agent.NodeName, Key.Display, spec.Name, current.ExitCode ?? 0, restartCount);
        if (!await CreateAndStartAsync(pod, spec, sandboxId, restartCount, record, wake, now, ct).ConfigureAwait(false))
        {
            return false;
        }

        // Keep the instance that just exited (its logs are the "previous" ones); remove older ones.
        foreach (var old in observed.Instances(spec.Name).Where(i => i.Id != current.Id))
        {
            try
            {
                await agent.Calls.RemoveContainerAsync(old.Id, ct, spec.Name).ConfigureAwait(false);
            }
            catch (ContainerRuntimeException ex)
            {
                NodeAgentLog.RuntimeCallFailed(agent.Logger, ex, agent.NodeName, Key.Display, "remove old container", ex.Reason);
            }
        }

        return true;
    }

    private async Task<bool> CreateAndStartAsync(Pod pod, Container spec, string sandboxId, int restartCount, ContainerRecord record, WakeTime wake, DateTimeOffset now, CancellationToken ct)
    {
        string id;
        try
        {
            var request = ContainerRequests.Container(pod, spec, sandboxId, restartCount, agent.NodeName, Options.ApplicationName);
            if (Configuration.ConfigReferenceResolver.HasReferences(spec))
            {
                var resolved = Configuration.ConfigReferenceResolver.Resolve(agent.Store, pod, spec);
                if (resolved.Error is { } missing)
                {
                    record.ConfigFailed(missing, now);
                    wake.At(now + RetryDelay.For(1, Options));
                    Configuration.ConfigLog.ReferenceMissing(agent.Logger, agent.NodeName, Key.Display, spec.Name, missing);
                    agent.Events.FailedConfig(pod, spec, missing);
                    return false;
                }

                request = request with { Environment = resolved.Environment, Files = resolved.Files };
                record.AppliedFiles = resolved.Files;
            }

            var volumes = Storage.VolumeResolver.Resolve(agent.Store, pod, spec, agent.NodeName, Options.ApplicationName, Options.AllowHostPathVolumes);
            if (volumes.Error is { } unmountable)
            {
                record.ConfigFailed(unmountable, now);
                wake.At(now + RetryDelay.For(1, Options));
                agent.Events.FailedConfig(pod, spec, unmountable);
                return false;
            }

            request = request with
            {
                Environment = Networking.ServiceEnvironment.AddTo(request.Environment, agent.ServicesIn(pod.Metadata.Namespace)),
                Mounts = volumes.Mounts,
            };
            id = await agent.Calls.CreateContainerAsync(request, ct).ConfigureAwait(false);
        }
        catch (ContainerRuntimeException ex)
        {
            record.Failed(ex, now, Options);
            wake.At(record.RetryAt);
            NodeAgentLog.RuntimeCallFailed(agent.Logger, ex, agent.NodeName, Key.Display, spec.Name, ex.Reason);
            agent.Events.Failed(pod, spec, ex);
            return false;
        }

        agent.Events.Pulled(pod, spec);
        agent.Events.Created(pod, spec);
        record.Seen = true;
        record.RestartCount = restartCount;
        await StartAsync(pod, spec, id, record, wake, now, ct).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> StartAsync(Pod pod, Container spec, string id, ContainerRecord record, WakeTime wake, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            await agent.Calls.StartContainerAsync(id, ct, spec.Name).ConfigureAwait(false);
        }
        catch (ContainerRuntimeException ex)
        {
            record.Failed(ex, now, Options);
            wake.At(record.RetryAt);
            NodeAgentLog.RuntimeCallFailed(agent.Logger, ex, agent.NodeName, Key.Display, spec.Name, ex.Reason);
            agent.Events.Failed(pod, spec, ex);
            return false;
        }

        if (record.RestartCount > 0)
        {
            record.Backoff.Next(Options); // a restart: the next exit waits longer
        }

        record.Succeeded();
        NodeAgentLog.ContainerStarted(agent.Logger, agent.NodeName, Key.Display, spec.Name, id);
        agent.Events.Started(pod, spec);
        return true;
    }

    private void WriteStatus(PodObservation observed)
    {
        var now = agent.Time.GetUtcNow();
        agent.Store.Mutate<Pod>(Key, p =>
        {
            if (p.Metadata.Uid != Uid || p.IsTerminating() || p.Spec.NodeName != agent.NodeName)
            {
                return p;
            }

            var next = PodStatusCalculator.Compute(p, observed, _records, _sandbox.Error, now, agent.HostIP, agent.Readiness);
            return p.Status == next ? p : p with { Status = next };
        }, statusOnly: true);
    }

    private sealed class WakeTime
    {
        public DateTimeOffset? Earliest { get; private set; }

        public void At(DateTimeOffset time)
        {
            if (Earliest is null || time < Earliest)
            {
                Earliest = time;
            }
        }
    }
}

using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Runtime.NodeAgents;

internal sealed partial class PodSynchronizer
{
    /// <summary>
    /// Waits, at most <paramref name="gracePeriod"/>, until every termination gate lets go of the pod (it left the
    /// endpoints, the proxy's connections to it finished); returns the time spent, which the grace period then lacks.
    /// </summary>
    private async Task<TimeSpan> DrainAsync(Pod pod, TimeSpan gracePeriod, CancellationToken ct)
    {
        if (agent.TerminationGates.Count == 0 || gracePeriod <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var started = agent.Time.GetTimestamp();
        using var deadline = new CancellationTokenSource(gracePeriod, agent.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        try
        {
            await Task.WhenAll(agent.TerminationGates.Select(g => g.WaitUntilDrainedAsync(pod, linked.Token))).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            NodeAgentLog.DrainTimedOut(agent.Logger, agent.NodeName, Key.Display, gracePeriod);
        }

        var spent = agent.Time.GetElapsedTime(started);
        return spent < gracePeriod ? spent : gracePeriod;
    }

    /// <summary>The kubelet's Killing event ("Stopping container web") for each container this worker ran.</summary>
    private void RecordStopping(Pod pod)
    {
        foreach (var c in pod.Spec.Containers.Where(c => _records.TryGetValue(c.Name, out var r) && r.Seen))
        {
            agent.Events.Killing(pod, c);
        }
    }

    /// <summary>Stops the pod's containers with the grace period, then removes them and the sandbox.</summary>
    private async Task TeardownAsync(TimeSpan gracePeriod, bool orphan, CancellationToken ct)
    {
        var observed = await ObserveAsync(ct).ConfigureAwait(false);
        if (observed.IsEmpty)
        {
            return;
        }

        await Task.WhenAll(observed.Containers.Where(c => c.State == RuntimeContainerState.Running)
            .Select(c => agent.Calls.StopContainerAsync(c.Id, gracePeriod, ct))).ConfigureAwait(false);
        foreach (var c in observed.Containers)
        {
            await agent.Calls.RemoveContainerAsync(c.Id, ct).ConfigureAwait(false);
        }

        foreach (var s in observed.Sandboxes)
        {
            await agent.Calls.RemovePodSandboxAsync(s.Id, ct).ConfigureAwait(false);
        }

        NodeAgentLog.TornDown(agent.Logger, agent.NodeName, Key.Display, Uid, observed.Containers.Count, orphan);
    }

    /// <summary>Finishes a graceful delete: removes the pod object, if it is still this pod.</summary>
    private void DeleteFromStore()
    {
        while (true)
        {
            var current = agent.Store.Get<Pod>(Key);
            if (current is null || current.Metadata.Uid != Uid)
            {
                return;
            }

            try
            {
                agent.Store.Delete(Key, current.Metadata.ResourceVersion);
                NodeAgentLog.PodDeleted(agent.Logger, agent.NodeName, Key.Display);
                return;
            }
            catch (ConflictException)
            {
            }
            catch (NotFoundException)
            {
                return;
            }
        }
    }
}

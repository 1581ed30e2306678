using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime.NodeAgents;

namespace Orchestration.Sdk.Runtime.Probes;

/// <summary>
/// The probes of one node agent (the kubelet's prober manager): one <see cref="ProbeWorker"/> per probe of each running
/// container instance, started and stopped as the pod synchronizer observes instances; their results make containers
/// ready (through the agent's readiness hook) and mark failed ones for the synchronizer to kill.
/// </summary>
internal sealed class ProbeManager(NodeAgent agent, CancellationToken stopping)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, ContainerProbes>> _pods = new(StringComparer.Ordinal);

    public NodeAgent Agent { get; } = agent;

    /// <summary>Starts workers for running instances not probed yet, and stops those of instances no longer running.</summary>
    public void Update(Pod pod, PodObservation observed)
    {
        var uid = pod.Metadata.Uid;
        var stale = new List<ContainerProbes>();
        var fresh = new List<ProbeWorker>();
        lock (_gate)
        {
            _pods.TryGetValue(uid, out var byId);
            var live = new HashSet<string>(StringComparer.Ordinal);
            foreach (var spec in pod.Spec.Containers.Where(ContainerProbes.HasProbes))
            {
                if (observed.Current(spec.Name) is not { State: RuntimeContainerState.Running } current)
                {
                    continue;
                }

                live.Add(current.Id);
                byId ??= _pods[uid] = new Dictionary<string, ContainerProbes>(StringComparer.Ordinal);
                if (!byId.ContainsKey(current.Id))
                {
                    var target = new ContainerProbes(pod, spec, current, observed.Sandbox?.IPAddress ?? pod.Status.PodIP);
                    AddWorker(target, ProbeKind.Startup, spec.StartupProbe);
                    AddWorker(target, ProbeKind.Liveness, spec.LivenessProbe);
                    AddWorker(target, ProbeKind.Readiness, spec.ReadinessProbe);
                    byId[current.Id] = target;
                    fresh.AddRange(target.Workers);
                }
            }

            if (byId is not null)
            {
                foreach (var id in byId.Keys.Where(id => !live.Contains(id)).ToList())
                {
                    stale.Add(byId[id]);
                    byId.Remove(id);
                }

                if (byId.Count == 0)
                {
                    _pods.Remove(uid);
                }
            }
        }

        Stop(stale);
        fresh.ForEach(w => w.Start());
    }

    /// <summary>Stops every worker of a pod (torn down, finished or gone).</summary>
    public void Remove(string uid)
    {
        List<ContainerProbes> stale;
        lock (_gate)
        {
            if (!_pods.Remove(uid, out var byId))
            {
                return;
            }

            stale = [.. byId.Values];
        }

        Stop(stale);
    }

    /// <summary>Whether a running instance is ready: started, and its readiness probe (if any) passed.</summary>
    public bool IsReady(Pod pod, Container spec, RuntimeContainer instance)
    {
        if (spec.ReadinessProbe is null && spec.StartupProbe is null)
        {
            return true;
        }

        lock (_gate)
        {
            return Find(pod.Metadata.Uid, instance.Id) is { } t && t.Started && (spec.ReadinessProbe is null || t.Ready);
        }
    }

    /// <summary>The kubelet's message when the instance's liveness or startup probe failed, or null.</summary>
    public string? FailureOf(string uid, string containerId)
    {
        lock (_gate)
        {
            return Find(uid, containerId)?.Failure;
        }
    }

    public bool IsStarted(ContainerProbes target)
    {
        lock (_gate)
        {
            return target.Started;
        }
    }

    /// <summary>Records a result that reached its threshold; false when the worker should stop.</summary>
    public bool Report(ContainerProbes target, ProbeKind kind, ProbeResult result)
    {
        bool changed;
        var keepProbing = true;
        lock (_gate)
        {
            if (Find(target.Uid, target.ContainerId) != target)
            {
                return false; // the instance is no longer probed
            }

            switch (kind)
            {
                case ProbeKind.Readiness:
                    changed = target.Ready != result.Succeeded;
                    target.Ready = result.Succeeded;
                    break;
                case ProbeKind.Startup when result.Succeeded:
                    changed = !target.Started;
                    target.Started = true;
                    break;
                case ProbeKind.Liveness when result.Succeeded:
                    changed = false;
                    break;
                default:
                    changed = target.Failure is null;
                    target.Failure ??= $"Container {target.Spec.Name} failed {(kind == ProbeKind.Startup ? "startup" : "liveness")} probe, will be restarted";
                    keepProbing = false;
                    break;
            }
        }

        var label = kind.ToString();
        if (result.Succeeded)
        {
            if (changed)
            {
                ProbeLog.ProbeSucceeded(Agent.Logger, Agent.NodeName, target.PodKey.Display, target.Spec.Name, label);
            }
        }
        else
        {
            ProbeLog.ProbeFailed(Agent.Logger, Agent.NodeName, target.PodKey.Display, target.Spec.Name, label, result.Output);
        }

        if (changed)
        {
            Agent.RequestSync(target.Uid, target.PodKey);
        }

        return keepProbing;
    }

    private void AddWorker(ContainerProbes target, ProbeKind kind, Probe? probe)
    {
        if (probe is not null)
        {
            target.Workers.Add(new ProbeWorker(this, target, kind, probe, stopping));
        }
    }

    private ContainerProbes? Find(string uid, string containerId) =>
        _pods.TryGetValue(uid, out var byId) ? byId.GetValueOrDefault(containerId) : null;

    private static void Stop(List<ContainerProbes> targets)
    {
        foreach (var w in targets.SelectMany(t => t.Workers))
        {
            w.Dispose();
        }
    }
}

using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Runtime.Probes;
using Orchestration.Sdk.Events;

namespace Orchestration.Sdk.Runtime.NodeAgents;

/// <summary>
/// The agent of one node (the kubelet's job): posts the node's status while its runtime answers, learns of container
/// exits from the runtime's event stream, and runs one <see cref="PodWorker"/> per pod it finds bound to the node or
/// labeled for it in the runtime (which adopts the containers of pods still bound here and removes the orphans).
/// </summary>
internal sealed class NodeAgent
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, PodWorker> _workers = new(StringComparer.Ordinal);
    private readonly CancellationToken _stopping;
    private bool _stopped;
    private bool _runtimeDown;
    private volatile string? _hostIp;

    public NodeAgent(RuntimeNode node, ResourceStore store, TimeProvider time, NodeAgentOptions options, ILogger logger, ContainerReadiness readiness, CancellationToken stoppingToken)
    {
        Node = node;
        Store = store;
        Time = time;
        Options = options;
        Logger = logger;
        _stopping = stoppingToken;
        Probes = new ProbeManager(this, stoppingToken);
        Readiness = (pod, container, instance) => Probes.IsReady(pod, container, instance) && readiness(pod, container, instance);
    }

    public RuntimeNode Node { get; }

    public string NodeName => Node.Name;

    public IContainerRuntime Runtime => Node.Runtime;

    /// <summary>The SDK's metrics, when registered. <value>The default value is null (none recorded).</value></summary>
    public Diagnostics.OrchestrationMetrics? Metrics { get; init; }

    /// <summary>The runtime's calls, traced and measured.</summary>
    public RuntimeCalls Calls => field ??= new RuntimeCalls(Runtime, NodeName, Time, Metrics);

    public ResourceStore Store { get; }

    public TimeProvider Time { get; }

    public NodeAgentOptions Options { get; }

    public ILogger Logger { get; }

    /// <summary>Whether a running container is ready: its probes (see <see cref="Probes"/>), then the manager's hook.</summary>
    public ContainerReadiness Readiness { get; }

    /// <summary>The shared informers the agent reads other kinds through (services for host names and environment variables).</summary>
    public required Informers.ISharedInformerFactory Informers { get; init; }

    /// <summary>The services of <paramref name="namespace"/>, from the shared Service informer's cache.</summary>
    public IReadOnlyList<Networking.Service> ServicesIn(string @namespace) => Informers.For<Networking.Service>().List(@namespace);

    /// <summary>What a terminating pod waits for before its containers get SIGTERM.</summary>
    public IReadOnlyList<IPodTerminationGate> TerminationGates { get; init; } = [];

    /// <summary>Records the kubelet's events ("kubelet" on this node).</summary>
    public IEventRecorder Events { get; init; } = NullEventRecorder.Instance;

    /// <summary>The liveness, readiness and startup probes of the containers running on this node.</summary>
    public ProbeManager Probes { get; }

    /// <summary>The node's address, once the runtime reported it.</summary>
    public string? HostIP => _hostIp;

    /// <summary>Runs until the stopping token is cancelled. Containers keep running when the agent stops.</summary>
    public async Task RunAsync()
    {
        // Created before the first heartbeat, so a test that sees the node registered may advance a fake clock.
        using var heartbeat = new PeriodicTimer(Options.HeartbeatInterval, Time);
        var loops = new[]
        {
            Task.Run(() => HeartbeatLoopAsync(heartbeat, _stopping), CancellationToken.None),
            Task.Run(() => EventLoopAsync(_stopping), CancellationToken.None),
        };
        try
        {
            await Task.WhenAll(loops).ConfigureAwait(false);
        }
        finally
        {
            PodWorker[] workers;
            lock (_gate)
            {
                _stopped = true;
                workers = [.. _workers.Values];
            }

            await Task.WhenAll(workers.Select(w => w.Completion)).ConfigureAwait(false);
            NodeAgentLog.AgentStopped(Logger, NodeName);
        }
    }

    /// <summary>A pod bound to this node (or that was) changed: sync it.</summary>
    public void PodChanged(Pod pod) => Signal(pod.Metadata.Uid, pod.Key);

    /// <summary>Syncs a pod now (a probe result changed).</summary>
    public void RequestSync(string uid, ObjectKey key) => Signal(uid, key);

    /// <summary>Syncs every pod the agent works on (after a relist of the store).</summary>
    public void SignalAll()
    {
        lock (_gate)
        {
            foreach (var w in _workers.Values)
            {
                w.Signal();
            }
        }
    }

    /// <summary>Called by a worker whose pod is gone; false when a new sync was requested meanwhile.</summary>
    public bool TryRetire(PodWorker worker)
    {
        lock (_gate)
        {
            if (worker.HasPendingSignal && !_stopped)
            {
                return false;
            }

            if (_workers.TryGetValue(worker.Uid, out var w) && ReferenceEquals(w, worker))
            {
                _workers.Remove(worker.Uid);
            }

            return true;
        }
    }

    private void Signal(string uid, ObjectKey key)
    {
        lock (_gate)
        {
            if (_stopped || _stopping.IsCancellationRequested)
            {
                return;
            }

            if (!_workers.TryGetValue(uid, out var worker))
            {
                worker = new PodWorker(this, new PodSynchronizer(this, uid, key));
                _workers[uid] = worker;
                worker.Start(_stopping);
            }

            worker.Signal();
        }
    }

    private async Task HeartbeatLoopAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            do
            {
                await HeartbeatAsync(ct).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task HeartbeatAsync(CancellationToken ct)
    {
        RuntimeInfo info;
        try
        {
            info = await Runtime.GetInfoAsync(ct).ConfigureAwait(false);
        }
        catch (ContainerRuntimeException ex)
        {
            if (!_runtimeDown)
            {
                _runtimeDown = true;
                NodeAgentLog.RuntimeUnreachable(Logger, NodeName, ex.Reason, ex.Message);
            }

            return; // no heartbeat: the node lifecycle controller notices
        }

        if (_runtimeDown)
        {
            _runtimeDown = false;
            NodeAgentLog.RuntimeBack(Logger, NodeName);
        }

        _hostIp = info.Address;
        NodeRegistration.Post(this, info);
    }

    private async Task EventLoopAsync(CancellationToken ct)
    {
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await WatchRuntimeAsync(() => failures = 0, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The event loop must survive any failure: it re-subscribes with back-off and relists.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                var delay = RetryDelay.For(++failures, Options);
                NodeAgentLog.EventStreamFailed(Logger, ex, NodeName, delay);
                try
                {
                    await Task.Delay(delay, Time, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Subscribes to the runtime's events, relists, then follows the events (relisting on Resync).</summary>
    private async Task WatchRuntimeAsync(Action subscribed, CancellationToken ct)
    {
        using var streamCancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var events = Runtime.WatchEventsAsync(streamCancel.Token).GetAsyncEnumerator(streamCancel.Token);
        try
        {
            // Ask for the first event before relisting, so the subscription exists and no exit falls in between.
            var next = events.MoveNextAsync().AsTask();
            try
            {
                await RelistAsync(ct).ConfigureAwait(false);
            }
            catch
            {
                await streamCancel.CancelAsync().ConfigureAwait(false);
                await ((Task)next).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                throw;
            }

            subscribed();
            while (await next.ConfigureAwait(false))
            {
                var e = events.Current;
                if (e.Type == ContainerEventType.Resync)
                {
                    NodeAgentLog.Resync(Logger, NodeName);
                    await RelistAsync(ct).ConfigureAwait(false);
                }
                else if (Owns(e.Labels) && PodOf(e.Labels) is { } pod)
                {
                    Signal(pod.Uid, pod.Key);
                }

                next = events.MoveNextAsync().AsTask();
            }
        }
        finally
        {
            await events.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Lists what the runtime holds for this node and syncs each pod found there, and every known pod.</summary>
    private async Task RelistAsync(CancellationToken ct)
    {
        var selector = ContainerRequests.NodeSelector(NodeName, Options.ApplicationName);
        var containers = await Calls.ListContainersAsync(selector, ct).ConfigureAwait(false);
        var sandboxes = await Calls.ListPodSandboxesAsync(selector, ct).ConfigureAwait(false);
        foreach (var labels in containers.Select(c => c.Labels).Concat(sandboxes.Select(s => s.Labels)))
        {
            if (PodOf(labels) is { } pod)
            {
                Signal(pod.Uid, pod.Key);
            }
        }

        SignalAll();
    }

    private bool Owns(IReadOnlyDictionary<string, string> labels) =>
        labels.TryGetValue(RuntimeLabels.Node, out var node) && node == NodeName &&
        labels.TryGetValue(RuntimeLabels.Managed, out var managed) && managed == "true" &&
        (Options.ApplicationName is null || (labels.TryGetValue(RuntimeLabels.App, out var app) && app == Options.ApplicationName));

    private static (string Uid, ObjectKey Key)? PodOf(IReadOnlyDictionary<string, string> labels) =>
        labels.TryGetValue(RuntimeLabels.PodUid, out var uid) &&
        labels.TryGetValue(RuntimeLabels.PodName, out var name) &&
        labels.TryGetValue(RuntimeLabels.PodNamespace, out var ns)
            ? (uid, new ObjectKey(Pod.KindName, ns, name))
            : null;
}

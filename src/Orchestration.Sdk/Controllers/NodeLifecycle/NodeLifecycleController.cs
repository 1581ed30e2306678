using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestration.Sdk.Events;
using Orchestration.Sdk.Hosting;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Controllers.NodeLifecycle;

/// <summary>
/// Watches node heartbeats, as Kubernetes' node lifecycle controller. Every <see cref="NodeLifecycleOptions.MonitorPeriod"/>:
/// a node silent for longer than <see cref="NodeLifecycleOptions.NodeMonitorGracePeriod"/> gets Ready=Unknown and the
/// taint node.kubernetes.io/unreachable:NoExecute, and its pods Ready=False; once a pod's toleration of that taint has
/// run out (counted from the Ready transition) the pod is evicted. A node that heart-beats again loses the taint.
/// Each pass reads the shared Node informer and the Pod informer's node index, never a list of the store; its writes
/// re-check the stored object, so a cache that lags only delays a decision to the next pass.
/// </summary>
/// <remarks>
/// Deliberate difference from Kubernetes: an evicted pod is deleted from the store at once (a force delete) instead of
/// being marked for graceful deletion, because the agent of an unreachable node cannot finish that deletion. Its
/// ReplicaSet then creates a replacement that the scheduler places elsewhere; when the node returns, its agent finds
/// the pod's containers orphaned and removes them.
/// </remarks>
internal sealed partial class NodeLifecycleController : IClusterComponent
{
    private readonly ResourceStore _store;
    private readonly ISharedInformer<Node> _nodes;
    private readonly ISharedInformer<Pod> _pods;
    private readonly TimeProvider _time;
    private readonly NodeLifecycleOptions _options;
    private readonly ILogger<NodeLifecycleController> _logger;
    private readonly IEventRecorder _events;
    private readonly IEventRecorder _evictionEvents;

    public NodeLifecycleController(ResourceStore store, ISharedInformerFactory informers, TimeProvider time, IOptions<NodeLifecycleOptions> options, ILogger<NodeLifecycleController> logger, IEventRecorderFactory? events = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(informers);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _store = store;
        _nodes = informers.For<Node>();
        _pods = informers.For<Pod>();
        _time = time;
        _options = options.Value;
        _logger = logger;
        _events = events?.CreateRecorder("node-controller") ?? NullEventRecorder.Instance;
        _evictionEvents = events?.CreateRecorder("taint-eviction-controller") ?? NullEventRecorder.Instance;
    }

    public string Name => "node-lifecycle-controller";

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.MonitorPeriod, _time);
        try
        {
            await _nodes.WaitForSyncAsync(stoppingToken).ConfigureAwait(false);
            await _pods.WaitForSyncAsync(stoppingToken).ConfigureAwait(false);
            do
            {
                MonitorNodes();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One monitoring pass over every node in the Node informer's cache.</summary>
    internal void MonitorNodes()
    {
        var now = _time.GetUtcNow();
        foreach (var node in _nodes.List())
        {
            try
            {
                MonitorNode(node, now);
            }
#pragma warning disable CA1031 // One node's failure must not stop the monitoring of the others; the next pass retries.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogMonitorFailed(_logger, ex, node.Metadata.Name);
            }
        }
    }

    private bool IsSilent(Node node, DateTimeOffset now)
    {
        var lastSeen = node.Status.LastHeartbeatTime > node.Metadata.CreationTimestamp ? node.Status.LastHeartbeatTime : node.Metadata.CreationTimestamp;
        return now - lastSeen > _options.NodeMonitorGracePeriod;
    }

    /// <summary>
    /// Decides on the cached node, but each write re-checks the stored one, and events follow only writes that changed
    /// it: a cache that lags (a heartbeat it has not seen yet) never marks a live node nor tells a change twice.
    /// </summary>
    private void MonitorNode(Node cached, DateTimeOffset now)
    {
        var node = cached;
        if (IsSilent(cached, now))
        {
            var becameUnknown = false;
            var unknown = new Condition(NodeConditionType.Ready, ConditionStatus.Unknown, "NodeStatusUnknown", "Kubelet stopped posting node status.", now);
            var marked = _store.Mutate<Node>(cached.Key, n => (becameUnknown = IsSilent(n, now) && n.Status.Conditions.Find(NodeConditionType.Ready)?.Status != ConditionStatus.Unknown)
                ? n with { Status = n.Status with { Conditions = n.Status.Conditions.Set(unknown) } }
                : n, statusOnly: true);
            if (marked is null)
            {
                return;
            }

            if (IsSilent(marked, now))
            {
                MonitorSilentNode(marked, becameUnknown, now);
                return;
            }

            node = marked; // it heart-beat after the cache saw it
        }

        if (node.Status.IsReady && HasUnreachableTaint(node))
        {
            var removed = false;
            _store.Mutate<Node>(node.Key, n => (removed = HasUnreachableTaint(n) && n.Status.IsReady && !IsSilent(n, now))
                ? n with { Spec = n.Spec with { Taints = n.Spec.Taints.Where(t => !IsUnreachable(t)).ToList() } }
                : n);
            if (removed)
            {
                LogNodeReady(_logger, node.Metadata.Name);
                _events.Normal(node, "NodeReady", $"Node {node.Metadata.Name} status is now: NodeReady");
            }
        }
    }

    private void MonitorSilentNode(Node node, bool becameUnknown, DateTimeOffset now)
    {
        Node? marked = node;
        if (becameUnknown)
        {
            _events.Normal(marked, "NodeNotReady", $"Node {node.Metadata.Name} status is now: NodeNotReady");
        }

        if (!HasUnreachableTaint(marked))
        {
            marked = _store.Mutate<Node>(node.Key, n => HasUnreachableTaint(n)
                ? n
                : n with { Spec = n.Spec with { Taints = [.. n.Spec.Taints.Where(t => t.Key != Taint.NotReadyKey), UnreachableToleration.Taint] } });
            if (marked is null)
            {
                return;
            }

            LogNodeUnreachable(_logger, node.Metadata.Name, now - node.Status.LastHeartbeatTime);
        }

        var since = marked.Status.Conditions.Find(NodeConditionType.Ready)?.LastTransitionTime ?? now;
        foreach (var pod in _pods.ByIndex(InformerIndexes.Node, node.Metadata.Name))
        {
            if (UnreachableToleration.For(pod, _options.DefaultTolerationSeconds) is { } tolerated && now >= since + tolerated)
            {
                Evict(pod, node.Metadata.Name);
            }
            else
            {
                MarkNotReady(pod, node.Metadata.Name);
            }
        }
    }

    /// <summary>Marks the pod not ready when the stored pod is ready (the cached one may not show a ready condition just written).</summary>
    private void MarkNotReady(Pod pod, string nodeName)
    {
        var notReady = new Condition(PodConditionType.Ready, ConditionStatus.False, "NodeNotReady", "Node is not ready", _time.GetUtcNow());
        var marked = false;
        _store.Mutate<Pod>(pod.Key, p => (marked = p.Metadata.Uid == pod.Metadata.Uid && p.Status.Conditions.Find(PodConditionType.Ready)?.Status == ConditionStatus.True)
            ? p with { Status = p.Status with { Conditions = p.Status.Conditions.Set(notReady) } }
            : p, statusOnly: true);
        if (!marked)
        {
            return; // not ready, marked already, or gone
        }

        LogPodNotReady(_logger, pod.Key.Display, nodeName);
        _events.Warning(pod, "NodeNotReady", "Node is not ready");
    }

    private void Evict(Pod pod, string nodeName)
    {
        try
        {
            var current = _store.Get<Pod>(pod.Key);
            if (current is null || current.Metadata.Uid != pod.Metadata.Uid)
            {
                return;
            }

            _store.Delete(pod.Key, current.Metadata.ResourceVersion);
            LogEvicted(_logger, pod.Key.Display, nodeName);
            _evictionEvents.Normal(current, "TaintManagerEviction", $"Marking for deletion Pod {pod.Key.Namespace}/{pod.Key.Name}");
        }
        catch (ConflictException)
        {
            // changed meanwhile: the next pass decides again
        }
        catch (NotFoundException)
        {
        }
    }

    private static bool IsUnreachable(Taint t) => t.Key == Taint.UnreachableKey && t.Effect == TaintEffect.NoExecute;

    private static bool HasUnreachableTaint(Node node) => node.Spec.Taints.Any(IsUnreachable);

    [LoggerMessage(EventId = 1601, Level = LogLevel.Warning, Message = "node {Node} stopped posting status {Silence} ago: Ready=Unknown, tainted node.kubernetes.io/unreachable:NoExecute")]
    private static partial void LogNodeUnreachable(ILogger logger, string node, TimeSpan silence);

    [LoggerMessage(EventId = 1602, Level = LogLevel.Information, Message = "node {Node} is posting status again: removed the unreachable taint")]
    private static partial void LogNodeReady(ILogger logger, string node);

    [LoggerMessage(EventId = 1603, Level = LogLevel.Debug, Message = "pod {Pod} on unreachable node {Node} marked not ready")]
    private static partial void LogPodNotReady(ILogger logger, string pod, string node);

    [LoggerMessage(EventId = 1604, Level = LogLevel.Warning, Message = "evicted pod {Pod} from unreachable node {Node}: its toleration of the unreachable taint ran out")]
    private static partial void LogEvicted(ILogger logger, string pod, string node);

    [LoggerMessage(EventId = 1605, Level = LogLevel.Error, Message = "monitoring node {Node} failed; the next pass retries")]
    private static partial void LogMonitorFailed(ILogger logger, Exception exception, string node);
}

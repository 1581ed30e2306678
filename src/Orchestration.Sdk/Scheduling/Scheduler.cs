using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestration.Sdk.Events;
using Orchestration.Sdk.Hosting;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Scheduling;

/// <summary>
/// Binds pending pods to nodes, as kube-scheduler. Handlers on the shared Node and Pod informers feed one channel
/// (each informer lists, watches and lists again on expiry); a single loop owns the <see cref="SchedulerCache"/> and the
/// <see cref="SchedulingQueue"/>, applies every pending event, then schedules the next pod in first-in, first-out
/// order through the <see cref="SchedulingFramework"/>. A pod that fits nowhere gets PodScheduled=False with reason
/// Unschedulable and Kubernetes' message, and is retried when a node is added or changes, when a bound pod goes away,
/// and at the latest after <see cref="SchedulerOptions.UnschedulableRetryInterval"/>.
/// </summary>
internal sealed partial class Scheduler : IClusterComponent
{
    // kube-scheduler looks for pods that have been unschedulable for too long every 30 seconds.
    private static readonly TimeSpan MaxFlushPeriod = TimeSpan.FromSeconds(30);

    private readonly ResourceStore _store;
    private readonly TimeProvider _time;
    private readonly SchedulerOptions _options;
    private readonly ILogger<Scheduler> _logger;
    private readonly SchedulingFramework _framework;
    private readonly IEventRecorder _events;
    private readonly SchedulerCache _cache = new();
    private readonly SchedulingQueue _queue = new();
    private bool _nodesSynced;
    private bool _podsSynced;
    private bool _nodesChanged;
    private volatile HashSet<string> _readyNodes = [];
    private TaskCompletionSource _readyNodesChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly ISharedInformerFactory _informers;
    private readonly Diagnostics.OrchestrationMetrics? _metrics;

    public Scheduler(ResourceStore store, ISharedInformerFactory informers, TimeProvider time, IOptions<SchedulerOptions> options, ILogger<Scheduler> logger, IEventRecorderFactory? events = null, Diagnostics.OrchestrationMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(informers);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        _store = store;
        _informers = informers;
        _time = time;
        _logger = logger;
        _metrics = metrics;
        _framework = SchedulingFramework.CreateDefault(_options, claims: key => _store.Get<Storage.PersistentVolumeClaim>(key));
        _events = events?.CreateRecorder("default-scheduler") ?? NullEventRecorder.Instance;
    }

    public string Name => "scheduler";

    /// <summary>
    /// Whether the scheduler's own view (not only the store) has every one of <paramref name="nodes"/> Ready. The
    /// runner waits for this before applying the declaration: the node and pod feeds are independent, as
    /// kube-scheduler's informers, so pods created right after the nodes could otherwise all land on the nodes seen first.
    /// </summary>
    internal bool SeesReady(IEnumerable<string> nodes) => nodes.All(_readyNodes.Contains);

    /// <summary>Completes at the next change of the set of Ready nodes the scheduler sees (read it before <see cref="SeesReady"/>).</summary>
    internal Task ReadyNodesChanged => Volatile.Read(ref _readyNodesChanged).Task;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var channel = Channel.CreateUnbounded<SchedulerEvent>(new UnboundedChannelOptions { SingleReader = true });
        using var feedsStopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var nodes = Follow(_informers.For<Node>(), channel.Writer, feedsStopping.Token);
        using var pods = Follow(_informers.For<Pod>(), channel.Writer, feedsStopping.Token);
        using var claims = Follow(_informers.For<Storage.PersistentVolumeClaim>(), channel.Writer, feedsStopping.Token);
        var period = _options.UnschedulableRetryInterval < MaxFlushPeriod ? _options.UnschedulableRetryInterval : MaxFlushPeriod;
        using var flushTimer = _time.CreateTimer(static state => ((ChannelWriter<SchedulerEvent>)state!).TryWrite(SchedulerEvent.Flush), channel.Writer, period, period);
        SchedulerLog.Started(_logger, _options.ScoringStrategy, _options.PercentageOfNodesToScore);
        try
        {
            await LoopAsync(channel.Reader, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await feedsStopping.CancelAsync().ConfigureAwait(false);
            SchedulerLog.Stopped(_logger);
        }
    }

    private async Task LoopAsync(ChannelReader<SchedulerEvent> reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            while (reader.TryRead(out var item))
            {
                Apply(item);
            }

            if (_nodesChanged)
            {
                _nodesChanged = false;
                var ready = new HashSet<string>(StringComparer.Ordinal);
                foreach (var info in _cache.Nodes)
                {
                    if (info.Node is { Status.IsReady: true })
                    {
                        ready.Add(info.Name);
                    }
                }

                _readyNodes = ready;
                Interlocked.Exchange(ref _readyNodesChanged, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            }

            if (_nodesSynced && _podsSynced && _queue.TryPop(out var record))
            {
                ScheduleOne(record);
                continue;
            }

            if (!await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    /// <summary>
    /// Feeds an informer's changes into the loop's channel, then, once this handler has been told of the whole first
    /// list, a <see cref="SchedulerEventKind.Synced"/> marker: the loop schedules only when both kinds are synced.
    /// </summary>
    private static IInformerRegistration Follow<T>(ISharedInformer<T> informer, ChannelWriter<SchedulerEvent> writer, CancellationToken stopping)
        where T : Resource
    {
        var handler = new ResourceEventHandler<T>
        {
            Added = (obj, _) => writer.TryWrite(new SchedulerEvent(SchedulerEventKind.Change, new WatchEvent(WatchEventType.Added, obj, obj.Metadata.ResourceVersion))),
            Updated = (_, obj) => writer.TryWrite(new SchedulerEvent(SchedulerEventKind.Change, new WatchEvent(WatchEventType.Modified, obj, obj.Metadata.ResourceVersion))),
            Deleted = obj => writer.TryWrite(new SchedulerEvent(SchedulerEventKind.Change, new WatchEvent(WatchEventType.Deleted, obj, obj.Metadata.ResourceVersion))),
        };

        // The handler only writes to the loop's unbounded channel, so it runs on the informer's thread: one thread-pool
        // hop less per burst of changes on the way from the store to the loop.
        var registration = informer is TypedInformer<T> typed ? typed.AddInlineEventHandler(handler) : informer.AddEventHandler(handler);
        _ = registration.WaitForSyncAsync(stopping).ContinueWith(
            t => writer.TryWrite(new SchedulerEvent(SchedulerEventKind.Synced, ResourceKind: informer.Kind)),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return registration;
    }

    private void Apply(SchedulerEvent item)
    {
        switch (item.Kind)
        {
            case SchedulerEventKind.Change:
                ApplyChange(item.Change!);
                break;
            case SchedulerEventKind.Synced when item.ResourceKind == Node.KindName:
                _nodesChanged = true;
                _nodesSynced = true;
                break;
            case SchedulerEventKind.Synced when item.ResourceKind == Storage.PersistentVolumeClaim.KindName:
                break; // claims are read through the informer when a pod is filtered
            case SchedulerEventKind.Synced:
                _podsSynced = true;
                break;
            case SchedulerEventKind.Flush:
                var moved = _queue.Flush(_time.GetUtcNow(), _options.UnschedulableRetryInterval);
                if (moved > 0)
                {
                    SchedulerLog.MovedToActive(_logger, moved, "UnschedulableTimeout");
                }

                break;
        }
    }

    private void ApplyChange(WatchEvent e)
    {
        switch (e.Object)
        {
            case Pod pod when e.Type == WatchEventType.Deleted:
                RemovePod(pod);
                break;
            case Pod pod:
                ApplyPod(pod);
                break;
            case Storage.PersistentVolumeClaim when e.Type != WatchEventType.Deleted:
                MoveToActive(resourcesOnly: false, e.Type == WatchEventType.Added ? "PvcAdd" : "PvcUpdate");
                break;
            case Storage.PersistentVolumeClaim:
                break;
            case Node node when e.Type == WatchEventType.Deleted:
                _nodesChanged = true;
                _cache.RemoveNode(node.Metadata.Name);
                break;
            case Node node:
                _nodesChanged = true;
                if (_cache.UpsertNode(node))
                {
                    MoveToActive(resourcesOnly: false, e.Type == WatchEventType.Added ? "NodeAdd" : "NodeUpdate");
                }

                break;
        }
    }

    /// <summary>Applies a pod version to the cache and keeps the queue in step with it.</summary>
    private void ApplyPod(Pod pod)
    {
        if (pod.Status.Phase is PodPhase.Succeeded or PodPhase.Failed)
        {
            // As kube-scheduler's pod informer (status.phase!=Succeeded,status.phase!=Failed): finished pods hold nothing.
            RemovePod(pod);
            return;
        }

        var specBefore = _cache.GetPod(pod.Metadata.Uid)?.Info.Pod.Spec;
        var record = _cache.UpsertPod(pod, out var freed);
        if (record is null)
        {
            return;
        }

        if (!record.IsPending)
        {
            _queue.Remove(record);
        }
        else if (specBefore is not null && !ReferenceEquals(specBefore, pod.Spec))
        {
            _queue.Activate(record);
        }
        else
        {
            _queue.Add(record);
        }

        if (freed)
        {
            MoveToActive(resourcesOnly: true, "AssignedPodUpdate");
        }
    }

    private void RemovePod(Pod pod)
    {
        var removed = _cache.RemovePod(pod, out var freed);
        if (removed is not null)
        {
            _queue.Remove(removed);
        }

        if (freed)
        {
            MoveToActive(resourcesOnly: true, "AssignedPodDelete");
        }
    }

    private void MoveToActive(bool resourcesOnly, string clusterEvent)
    {
        var moved = _queue.MoveToActive(resourcesOnly);
        if (moved > 0)
        {
            SchedulerLog.MovedToActive(_logger, moved, clusterEvent);
        }
    }
}

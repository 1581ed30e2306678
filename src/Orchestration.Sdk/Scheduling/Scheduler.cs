using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestration.Sdk.Events;
using Orchestration.Sdk.Hosting;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Scheduling;

/// <summary>
/// Binds pending pods to nodes, as kube-scheduler. Two feeds list then watch Nodes and Pods (listing again when a
/// watch expires) into one channel; a single loop owns the <see cref="SchedulerCache"/> and the
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

    public Scheduler(ResourceStore store, TimeProvider time, IOptions<SchedulerOptions> options, ILogger<Scheduler> logger, IEventRecorderFactory? events = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        ArgumentOutOfRangeException.ThrowIfNegative(_options.PercentageOfNodesToScore, "options.PercentageOfNodesToScore");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(_options.PercentageOfNodesToScore, 100, "options.PercentageOfNodesToScore");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_options.UnschedulableRetryInterval, TimeSpan.Zero, "options.UnschedulableRetryInterval");
        ArgumentOutOfRangeException.ThrowIfNegative(_options.SpreadWeight, "options.SpreadWeight");
        _store = store;
        _time = time;
        _logger = logger;
        _framework = SchedulingFramework.CreateDefault(_options);
        _events = events?.CreateRecorder("default-scheduler") ?? NullEventRecorder.Instance;
    }

    public string Name => "scheduler";

    /// <summary>
    /// Whether the scheduler's own view (not only the store) has every one of <paramref name="nodes"/> Ready. The
    /// runner waits for this before applying the declaration: the node and pod feeds are independent, as
    /// kube-scheduler's informers, so pods created right after the nodes could otherwise all land on the nodes seen first.
    /// </summary>
    internal bool SeesReady(IEnumerable<string> nodes) => nodes.All(_readyNodes.Contains);

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var channel = Channel.CreateUnbounded<SchedulerEvent>(new UnboundedChannelOptions { SingleReader = true });
        using var feedsStopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var feeds = Task.WhenAll(
            Task.Run(() => FeedAsync<Node>(Node.KindName, channel.Writer, feedsStopping.Token), CancellationToken.None),
            Task.Run(() => FeedAsync<Pod>(Pod.KindName, channel.Writer, feedsStopping.Token), CancellationToken.None));
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
            try
            {
                await feeds.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

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

    /// <summary>Lists a kind, then watches it from the list's version; lists again whenever the watch expires.</summary>
    private async Task FeedAsync<T>(string kind, ChannelWriter<SchedulerEvent> writer, CancellationToken cancellationToken)
        where T : Resource
    {
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var list = _store.List<T>(kind);
                writer.TryWrite(new SchedulerEvent(SchedulerEventKind.Relisted, ResourceKind: kind, Items: list.Items, Version: list.ResourceVersion));
                string? expired = null;
                await foreach (var e in _store.Watch(kind, list.ResourceVersion, cancellationToken).ConfigureAwait(false))
                {
                    if (e.Type == WatchEventType.Expired)
                    {
                        expired = e.Message ?? "expired";
                        break;
                    }

                    writer.TryWrite(new SchedulerEvent(SchedulerEventKind.Change, e));
                }

                if (expired is null)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    expired = "the watch ended";
                }

                SchedulerLog.Relisting(_logger, kind, expired);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Without this feed the cache would silently go stale: fail the loop instead.
            writer.TryComplete(ex);
            throw;
        }
    }

    private void Apply(SchedulerEvent item)
    {
        switch (item.Kind)
        {
            case SchedulerEventKind.Change:
                ApplyChange(item.Change!);
                break;
            case SchedulerEventKind.Relisted when item.ResourceKind == Node.KindName:
                _nodesChanged = true;
                if (_cache.ReplaceNodes(item.Items!.Cast<Node>().ToList()))
                {
                    MoveToActive(resourcesOnly: false, "NodeList");
                }

                _nodesSynced = true;
                break;
            case SchedulerEventKind.Relisted:
                ApplyPodList(item.Items!.Cast<Pod>().ToList(), item.Version);
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

    private void ApplyPodList(List<Pod> pods, long version)
    {
        foreach (var record in _cache.RemovePodsMissingFrom(pods, version, out var freed))
        {
            _queue.Remove(record);
            if (freed)
            {
                MoveToActive(resourcesOnly: true, "AssignedPodDelete");
            }
        }

        foreach (var pod in pods)
        {
            ApplyPod(pod);
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

using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Informers;

/// <summary>
/// The shared informer of one kind over <see cref="Resource"/>, as client-go's sharedIndexInformer with its reflector:
/// list, apply the list to the cache, watch from the list's version, and on an Expired event (or a failed watch) list
/// again and apply the difference, so no object is lost or told twice. Typed views share it (<see cref="TypedInformer{T}"/>).
/// </summary>
internal sealed class SharedInformer : ISharedInformer<Resource>
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly InformerCache _cache = new();
    private readonly List<InformerListener> _listeners = [];
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ResourceStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _lastVersion;

    public SharedInformer(string kind, ResourceStore store, TimeProvider time, ILogger logger)
    {
        Kind = kind;
        _store = store;
        _time = time;
        _logger = logger;
    }

    public string Kind { get; }

    /// <summary>Whether the kind is namespaced, when a typed view told; otherwise the cached objects tell.</summary>
    internal bool? Namespaced { get; set; }

    public bool HasSynced => _synced.Task.IsCompleted;

    public long LastResourceVersion => Interlocked.Read(ref _lastVersion);

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _synced.Task.WaitAsync(cancellationToken);

    public IInformerRegistration AddEventHandler(IResourceEventHandler<Resource> handler) => AddEventHandler(handler, inline: false);

    /// <summary>Adds a handler; <paramref name="inline"/> delivers under the informer's lock (see <see cref="InformerListener"/>).</summary>
    internal IInformerRegistration AddEventHandler(IResourceEventHandler<Resource> handler, bool inline)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var listener = new InformerListener(this, handler, _logger, inline);
        lock (_gate)
        {
            foreach (var obj in _cache.Items)
            {
                listener.Enqueue(new InformerNotification(InformerNotificationType.Add, null, obj, IsInInitialList: true));
            }

            _listeners.Add(listener);
            if (HasSynced)
            {
                listener.MarkSynced();
            }
        }

        return listener;
    }

    public void AddIndex(string name, Func<Resource, IEnumerable<string>> index) => AddIndex(name, index, unchanged: null);

    /// <summary>Adds an index with a cheap test that an update kept its values (see <see cref="InformerCache.AddIndex"/>).</summary>
    internal void AddIndex(string name, Func<Resource, IEnumerable<string>> index, Func<Resource, Resource, bool>? unchanged)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(index);
        lock (_gate)
        {
            _cache.AddIndex(name, index, unchanged);
        }
    }

    public Resource? Get(ObjectKey key)
    {
        lock (_gate)
        {
            return _cache.Get(key.Namespace, key.Name);
        }
    }

    public Resource? Get(string name, string? @namespace = null)
    {
        lock (_gate)
        {
            var namespaced = Namespaced ?? _cache.Items.FirstOrDefault()?.IsNamespaced ?? true;
            return _cache.Get(namespaced ? @namespace ?? "default" : string.Empty, name);
        }
    }

    public IReadOnlyList<Resource> List(string? @namespace = null, LabelSelector? selector = null)
    {
        lock (_gate)
        {
            IEnumerable<Resource> items = @namespace is null ? _cache.Items : _cache.ByIndex(InformerIndexes.Namespace, @namespace);
            return selector is null ? items.ToList() : items.Where(o => selector.Matches(o.Metadata.Labels)).ToList();
        }
    }

    public IReadOnlyList<Resource> ByIndex(string indexName, string value)
    {
        ArgumentNullException.ThrowIfNull(indexName);
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            return _cache.ByIndex(indexName, value);
        }
    }

    internal void RemoveListener(InformerListener listener)
    {
        lock (_gate)
        {
            _listeners.Remove(listener);
        }
    }

    /// <summary>
    /// Lists and watches until <paramref name="stoppingToken"/> is cancelled. Handlers stay registered: run again, the
    /// informer's first list is applied as a difference to the cache, so they are told only of what changed meanwhile.
    /// </summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var list = _store.List<Resource>(Kind);
                    Replace(list);
                    await WatchAsync(list.ResourceVersion, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // A failed list or watch is retried after a delay; the informer must not stop.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    InformerLog.WatchFailed(_logger, ex, Kind, RetryDelay);
                    await Task.Delay(RetryDelay, _time, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task WatchAsync(long fromVersion, CancellationToken ct)
    {
        await foreach (var e in _store.Watch(Kind, fromVersion, ct).ConfigureAwait(false))
        {
            if (e.Type == WatchEventType.Expired)
            {
                InformerLog.WatchExpired(_logger, Kind, e.Message);
                return;
            }

            Apply(e);
        }
    }

    private void Apply(WatchEvent e)
    {
        var obj = e.Object!;
        lock (_gate)
        {
            // The version moves before any handler is told, so a handler told of a change sees LastResourceVersion at least at it.
            Interlocked.Exchange(ref _lastVersion, Math.Max(_lastVersion, e.ResourceVersion));
            var cached = _cache.Get(obj.Metadata.Namespace, obj.Metadata.Name);
            if (e.Type == WatchEventType.Deleted)
            {
                if (_cache.Remove(obj.Metadata.Namespace, obj.Metadata.Name) is { } removed)
                {
                    Notify(new InformerNotification(InformerNotificationType.Delete, removed, obj));
                }
            }
            else if (cached is null || cached.Metadata.ResourceVersion < obj.Metadata.ResourceVersion)
            {
                _cache.Put(obj);
                Notify(cached is null
                    ? new InformerNotification(InformerNotificationType.Add, null, obj)
                    : new InformerNotification(InformerNotificationType.Update, cached, obj));
            }
        }
    }

    /// <summary>Makes the cache equal to a list: adds, updates (only for objects whose version moved) and deletes the difference.</summary>
    private void Replace(ListResult<Resource> list)
    {
        lock (_gate)
        {
            Interlocked.Exchange(ref _lastVersion, list.ResourceVersion);
            var seen = new HashSet<(string, string)>();
            foreach (var obj in list.Items)
            {
                seen.Add((obj.Metadata.Namespace, obj.Metadata.Name));
                var cached = _cache.Get(obj.Metadata.Namespace, obj.Metadata.Name);
                if (cached is null)
                {
                    _cache.Put(obj);
                    Notify(new InformerNotification(InformerNotificationType.Add, null, obj, IsInInitialList: !HasSynced));
                }
                else if (cached.Metadata.ResourceVersion != obj.Metadata.ResourceVersion)
                {
                    _cache.Put(obj);
                    Notify(new InformerNotification(InformerNotificationType.Update, cached, obj));
                }
            }

            var gone = _cache.Items.Where(o => !seen.Contains((o.Metadata.Namespace, o.Metadata.Name))).ToList();
            foreach (var obj in gone)
            {
                _cache.Remove(obj.Metadata.Namespace, obj.Metadata.Name);
                Notify(new InformerNotification(InformerNotificationType.Delete, obj, obj));
            }

            if (!HasSynced)
            {
                foreach (var l in _listeners)
                {
                    l.MarkSynced();
                }

                _synced.TrySetResult();
            }
        }
    }

    private void Notify(InformerNotification notification)
    {
        foreach (var l in _listeners)
        {
            l.Enqueue(notification);
        }
    }
}

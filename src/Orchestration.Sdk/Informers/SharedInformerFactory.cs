using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Informers;

/// <summary>
/// The in-process <see cref="ISharedInformerFactory"/>. <see cref="Start"/> runs every informer made so far and any
/// made later; <see cref="StopAsync"/> stops them, keeping their caches and handlers: a later start lists again and
/// tells the handlers only what changed meanwhile.
/// </summary>
internal sealed class SharedInformerFactory : ISharedInformerFactory, IAsyncDisposable, IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SharedInformer> _informers = new(StringComparer.Ordinal);
    private readonly List<Task> _running = [];
    private readonly ResourceStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private CancellationTokenSource? _stopping;

    public SharedInformerFactory(ResourceStore store, TimeProvider time, ILogger<SharedInformerFactory>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _time = time;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>A factory over <paramref name="store"/> that is already started (for tests and components built by hand).</summary>
    public static SharedInformerFactory Started(ResourceStore store, TimeProvider? time = null)
    {
        var factory = new SharedInformerFactory(store, time ?? TimeProvider.System);
        factory.Start();
        return factory;
    }

    public ISharedInformer<T> For<T>()
        where T : Resource
    {
        var rule = _store.Kinds.Get<T>();
        var informer = Informer(rule.Kind);
        informer.Namespaced = rule.Namespaced;
        return new TypedInformer<T>(informer);
    }

    public ISharedInformer<Resource> ForKind(string kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        return Informer(kind);
    }

    public Task WaitForCacheSyncAsync(CancellationToken cancellationToken)
    {
        List<SharedInformer> informers;
        lock (_gate)
        {
            informers = [.. _informers.Values];
        }

        return Task.WhenAll(informers.Select(i => i.WaitForSyncAsync(cancellationToken)));
    }

    public void Start()
    {
        lock (_gate)
        {
            if (_stopping is not null)
            {
                return;
            }

            _stopping = new CancellationTokenSource();
            foreach (var informer in _informers.Values)
            {
                Run(informer);
            }
        }
    }

    public async Task StopAsync()
    {
        CancellationTokenSource? stopping;
        Task[] running;
        lock (_gate)
        {
            stopping = _stopping;
            _stopping = null;
            running = [.. _running];
            _running.Clear();
        }

        if (stopping is null)
        {
            return;
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(running).ConfigureAwait(false);
        stopping.Dispose();
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    /// <summary>
    /// Stops the informers without waiting for their loops to end (a container disposed synchronously, as
    /// <c>using var provider</c> does); they end at their next await.
    /// </summary>
    public void Dispose()
    {
        CancellationTokenSource? stopping;
        lock (_gate)
        {
            stopping = _stopping;
            _stopping = null;
            _running.Clear();
        }

        stopping?.Cancel();
        stopping?.Dispose();
    }

    private SharedInformer Informer(string kind)
    {
        lock (_gate)
        {
            if (!_informers.TryGetValue(kind, out var informer))
            {
                informer = new SharedInformer(kind, _store, _time, _logger);
                _informers[kind] = informer;
                if (_stopping is not null)
                {
                    Run(informer);
                }
            }

            return informer;
        }
    }

    private void Run(SharedInformer informer)
    {
        var token = _stopping!.Token;
        _running.Add(Task.Run(() => informer.RunAsync(token), CancellationToken.None));
    }
}

using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Diagnostics;
using Orchestration.Sdk.Hosting;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Controllers.Engine;

/// <summary>
/// A level-based controller, as controller-runtime's: the shared informers of its sources feed keys into a
/// de-duplicating work queue (an update maps the old and the new object, so a pod leaving a selector reaches its old
/// service); workers call <see cref="ReconcileAsync"/> with only a key, and read the store itself. An exception retries the key with exponential backoff; a
/// conflict (the object changed under us) retries at once against the new version.
/// </summary>
internal abstract partial class Controller : IClusterComponent
{
    private readonly ControllerOptions _options;

    private readonly ISharedInformerFactory _informers;

    private readonly OrchestrationMetrics? _metrics;

    protected Controller(string name, ResourceStore store, ISharedInformerFactory informers, TimeProvider time, ControllerOptions options, ILogger logger, OrchestrationMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(informers);
        Name = name;
        Store = store;
        _informers = informers;
        Time = time;
        Logger = logger;
        _options = options;
        _metrics = metrics;
        Queue = new WorkQueue<ObjectKey>(time, options.ErrorBackoffBase, options.ErrorBackoffMax);
    }

    public string Name { get; }

    protected ResourceStore Store { get; }

    protected TimeProvider Time { get; }

    /// <summary>The shared informers (the controller's sources and any cache it reads).</summary>
    protected ISharedInformerFactory Informers => _informers;

    protected ILogger Logger { get; }

    internal WorkQueue<ObjectKey> Queue { get; }

    protected abstract IReadOnlyList<WatchSource> Sources { get; }

    protected abstract Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken);

    /// <summary>Called after a reconcile failed with a terminal error (logged, not requeued); by default does nothing more.</summary>
    protected virtual void OnTerminalError(ObjectKey key, TerminalReconcileException error)
    {
    }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var sources = Sources.Select(s => (Source: s, Informer: _informers.ForKind(s.Kind))).ToList();
        var registrations = sources.Select(s => s.Informer.AddEventHandler(new ResourceEventHandler<Resource>
        {
            Added = (obj, _) => Enqueue(s.Source, obj),
            Updated = (old, obj) =>
            {
                Enqueue(s.Source, old);
                Enqueue(s.Source, obj);
            },
            Deleted = obj => Enqueue(s.Source, obj),
        })).ToList();
        using var depth = _metrics?.TrackQueue(Name, () => Queue.Count);
        using var resync = Time.CreateTimer(_ => EnqueueAll(sources), null, _options.ResyncPeriod, _options.ResyncPeriod);
        var workers = Enumerable.Range(0, Math.Max(1, _options.MaxConcurrentReconciles))
            .Select(_ => Task.Run(() => WorkerAsync(stoppingToken), CancellationToken.None)).ToList();
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing); // stop without throwing: a cancelled run is the normal end, and throws cost a stop dearly
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            try
            {
                foreach (var registration in registrations)
                {
                    registration.Dispose();
                }
            }
            finally
            {
                Queue.ShutDown(); // what ends the workers' waits: never skipped
            }

            await Task.WhenAll(workers).ConfigureAwait(false);
        }
    }

    private void Enqueue(WatchSource source, Resource obj)
    {
        foreach (var key in source.Map(obj))
        {
            Queue.Add(key);
        }
    }

    private void EnqueueAll(List<(WatchSource Source, ISharedInformer<Resource> Informer)> sources)
    {
        foreach (var (source, informer) in sources)
        {
            foreach (var obj in informer.List())
            {
                Enqueue(source, obj);
            }
        }
    }

    private async Task WorkerAsync(CancellationToken ct)
    {
        while (true)
        {
            // Not cancelled by ct: RunAsync shuts the queue down as soon as ct is cancelled, which ends this wait without
            // the exception (one per worker per stop) a cancelled wait throws; a key taken after the cancel is not run.
            var next = await Queue.GetAsync(CancellationToken.None).ConfigureAwait(false);
            if (!next.Ok || ct.IsCancellationRequested)
            {
                return;
            }

            var key = next.Key;
            using var activity = OrchestrationActivities.Source.HasListeners() ? OrchestrationActivities.StartReconcile(Name, key, Store.Get<Resource>(key)) : null;
            long? started = _metrics is { ReconcileEnabled: true } ? Time.GetTimestamp() : null;
            Exception? failure = null;
            try
            {
                var result = await ReconcileAsync(key, ct).ConfigureAwait(false);
                Queue.Forget(key);
                if (result.RequeueAt is { } due)
                {
                    Queue.AddAt(key, due);
                }
                else if (result.RequeueAfter is { } after)
                {
                    Queue.AddAfter(key, after);
                }
            }
            catch (ConflictException)
            {
                Queue.Add(key);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (TerminalReconcileException ex)
            {
                failure = ex;
                Queue.Forget(key);
                LogReconcileTerminal(Logger, ex, Name, key.ToString());
                OnTerminalError(key, ex);
            }
#pragma warning disable CA1031 // A failing reconcile must never stop the controller; it is retried with backoff.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failure = ex;
                var delay = Queue.AddRateLimited(key);
                LogReconcileFailed(Logger, ex, Name, key.ToString(), delay);
            }
            finally
            {
                Finish(activity, started, failure); // before Done: a retry of the key is measured after this attempt
                Queue.Done(key);
            }
        }
    }

    /// <summary>Marks the reconcile's span failed (its using ends it) and records its duration and error, when either is listened to.</summary>
    private void Finish(Activity? activity, long? started, Exception? failure)
    {
        if (failure is not null)
        {
            OrchestrationActivities.Fail(activity, failure);
        }

        if (started is { } since && _metrics is not null)
        {
            _metrics.RecordReconcile(Name, Time.GetElapsedTime(since), failure);
        }
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Error, Message = "{Controller}: reconcile of {Key} failed with a terminal error; not retrying")]
    private static partial void LogReconcileTerminal(ILogger logger, Exception exception, string controller, string key);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "{Controller}: reconcile of {Key} failed; retrying in {Delay}")]
    private static partial void LogReconcileFailed(ILogger logger, Exception exception, string controller, string key, TimeSpan delay);
}

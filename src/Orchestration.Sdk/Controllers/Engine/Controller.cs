using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Hosting;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Controllers.Engine;

/// <summary>
/// A level-based controller, as controller-runtime's: watches feed keys into a de-duplicating work queue; workers
/// call <see cref="ReconcileAsync"/> with only a key. An exception retries the key with exponential backoff; a
/// conflict (the object changed under us) retries at once against the new version.
/// </summary>
internal abstract partial class Controller : IClusterComponent
{
    private readonly ControllerOptions _options;

    protected Controller(string name, ResourceStore store, TimeProvider time, ControllerOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        Name = name;
        Store = store;
        Time = time;
        Logger = logger;
        _options = options;
        Queue = new WorkQueue<ObjectKey>(time, options.ErrorBackoffBase, options.ErrorBackoffMax);
    }

    public string Name { get; }

    protected ResourceStore Store { get; }

    protected TimeProvider Time { get; }

    protected ILogger Logger { get; }

    internal WorkQueue<ObjectKey> Queue { get; }

    protected abstract IReadOnlyList<WatchSource> Sources { get; }

    protected abstract Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken);

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var resync = Time.CreateTimer(_ => EnqueueAll(), null, _options.ResyncPeriod, _options.ResyncPeriod);
        var tasks = new List<Task>();
        tasks.AddRange(Sources.Select(s => Task.Run(() => WatchLoopAsync(s, stoppingToken), CancellationToken.None)));
        tasks.AddRange(Enumerable.Range(0, Math.Max(1, _options.MaxConcurrentReconciles))
            .Select(_ => Task.Run(() => WorkerAsync(stoppingToken), CancellationToken.None)));
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            Queue.ShutDown();
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
    }

    private void EnqueueAll()
    {
        foreach (var source in Sources)
        {
            foreach (var obj in Store.List<Resource>(source.Kind).Items)
            {
                foreach (var key in source.Map(obj))
                {
                    Queue.Add(key);
                }
            }
        }
    }

    private async Task WatchLoopAsync(WatchSource source, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var list = Store.List<Resource>(source.Kind);
            foreach (var obj in list.Items)
            {
                foreach (var key in source.Map(obj))
                {
                    Queue.Add(key);
                }
            }

            try
            {
                await foreach (var e in Store.Watch(source.Kind, list.ResourceVersion, ct).ConfigureAwait(false))
                {
                    if (e.Type == WatchEventType.Expired)
                    {
                        LogWatchExpired(Logger, Name, source.Kind, e.Message);
                        break;
                    }

                    foreach (var key in source.Map(e.Object!))
                    {
                        Queue.Add(key);
                    }
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task WorkerAsync(CancellationToken ct)
    {
        while (true)
        {
            (bool ok, ObjectKey key) next;
            try
            {
                next = await Queue.GetAsync(ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (!next.ok)
            {
                return;
            }

            var key = next.key;
            try
            {
                var result = await ReconcileAsync(key, ct).ConfigureAwait(false);
                Queue.Forget(key);
                if (result.RequeueAfter is { } after)
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
#pragma warning disable CA1031 // A failing reconcile must never stop the controller; it is retried with backoff.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                var delay = Queue.AddRateLimited(key);
                LogReconcileFailed(Logger, ex, Name, key.ToString(), delay);
            }
            finally
            {
                Queue.Done(key);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Controller}: watch of {Kind} expired ({Reason}); relisting")]
    private static partial void LogWatchExpired(ILogger logger, string controller, string kind, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Controller}: reconcile of {Key} failed; retrying in {Delay}")]
    private static partial void LogReconcileFailed(ILogger logger, Exception exception, string controller, string key, TimeSpan delay);
}

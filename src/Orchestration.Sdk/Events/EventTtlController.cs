using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestration.Sdk.Controllers.Engine;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Events;

/// <summary>
/// Removes each Event <see cref="EventOptions.Ttl"/> after its last write, as kube-apiserver's --event-ttl (there a
/// storage lease renewed on every write). Level-based: whatever wrote the event (a recorder, the client, the API),
/// its key is reconciled and re-queued for the moment it expires, on the injected clock.
/// </summary>
internal sealed class EventTtlController(ResourceStore store, ISharedInformerFactory informers, TimeProvider time, IOptions<ControllerOptions> controllerOptions, IOptions<EventOptions> options, ILogger<EventTtlController> logger, Orchestration.Sdk.Diagnostics.OrchestrationMetrics? metrics = null)
    : Controller("event-ttl-controller", store, informers, time, controllerOptions.Value, logger, metrics)
{
    private readonly TimeSpan _ttl = options.Value.Ttl;
    private long _reconciles;

    /// <summary>How many reconciles finished: lets a test on a fake clock wait until an expiry is scheduled.</summary>
    internal long Reconciles => Interlocked.Read(ref _reconciles);

    protected override IReadOnlyList<WatchSource> Sources { get; } = [WatchSource.Self(Event.KindName)];

    protected override Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult(Expire(key));
        }
        finally
        {
            Interlocked.Increment(ref _reconciles);
        }
    }

    private ReconcileResult Expire(ObjectKey key)
    {
        var e = Store.Get<Event>(key);
        if (e is null)
        {
            return ReconcileResult.Done;
        }

        var remaining = e.LastObserved + _ttl - Time.GetUtcNow();
        if (remaining > TimeSpan.Zero)
        {
            return ReconcileResult.After(remaining);
        }

        try
        {
            Store.Delete(key, e.Metadata.ResourceVersion); // a conflict means it was written again: the base retries
            EventLog.Expired(Logger, key.Namespace, key.Name, e.LastObserved, _ttl);
        }
        catch (NotFoundException)
        {
        }

        return ReconcileResult.Done;
    }
}

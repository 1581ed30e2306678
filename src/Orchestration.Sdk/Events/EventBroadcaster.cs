using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestration.Sdk.Hosting;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Events;

/// <summary>
/// The event pipeline, as client-go's EventBroadcaster with its store sink: recorders put reports in one bounded
/// queue without waiting (a full queue drops the report and counts it); one loop correlates each report and writes
/// it to the store, creating an Event or incrementing the count of the one it repeats.
/// </summary>
internal sealed class EventBroadcaster : IEventRecorderFactory, IClusterComponent
{
    private const int MaxBatch = 128;

    private readonly Channel<PendingEvent> _queue;
    private readonly ResourceStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<EventBroadcaster> _logger;
    private readonly EventCorrelator _correlator;
    private long _dropped;

    public EventBroadcaster(ResourceStore store, TimeProvider time, IOptions<EventOptions> options, ILogger<EventBroadcaster> logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        var o = options.Value;
        ArgumentOutOfRangeException.ThrowIfLessThan(o.QueueCapacity, 1, "options.QueueCapacity");
        _store = store;
        _time = time;
        _logger = logger;
        _correlator = new EventCorrelator(o, new EventNames());
        _queue = Channel.CreateBounded<PendingEvent>(new BoundedChannelOptions(o.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails at once instead of waiting: the drop is counted
        });
    }

    public string Name => "event-broadcaster";

    /// <summary>How many reports were dropped because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    internal DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>The apiVersion of a kind, from the store's kind registry ("v1" for a kind it does not know).</summary>
    internal string ApiVersionOf(string kind) => _store.Kinds.TryGet(kind, out var rule) ? rule.ApiVersion : "v1";

    public IEventRecorder CreateRecorder(string component, string? host = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(component);
        return new EventRecorder(this, new EventSource(component, string.IsNullOrEmpty(host) ? null : host));
    }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            var reader = _queue.Reader;
            while (await reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                // What is queued is written in batches, each under one hold of the store's lock.
                _store.RunBatch(() =>
                {
                    for (var n = 0; n < MaxBatch && reader.TryRead(out var report); n++)
                    {
                        Write(report);
                    }
                });
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    internal void Enqueue(PendingEvent report)
    {
        if (_queue.Writer.TryWrite(report))
        {
            return;
        }

        var dropped = Interlocked.Increment(ref _dropped);
        if (dropped == 1 || dropped % 100 == 0)
        {
            EventLog.Dropped(_logger, report.Reason, report.InvolvedObject.Kind, report.Namespace, report.InvolvedObject.Name, dropped);
        }
    }

    /// <summary>Correlates and writes one report. A failed write is logged; recording never fails anyone.</summary>
    internal void Write(PendingEvent report)
    {
        try
        {
            var (e, isUpdate) = _correlator.Correlate(report);
            if (isUpdate && _store.Mutate<Event>(e.Key, current => current with
            {
                Count = e.Count,
                LastTimestamp = e.LastTimestamp,
                Message = e.Message,
                InvolvedObject = e.InvolvedObject,
            }) is not null)
            {
                return;
            }

            // New, or the event it repeats was removed meanwhile (its TTL ran out): create it, as client-go does.
            _store.Create(e);
        }
#pragma warning disable CA1031 // An event that cannot be written is reported in the log; it must never stop the pipeline.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            EventLog.WriteFailed(_logger, ex, report.Reason, report.InvolvedObject.Kind, report.Namespace, report.InvolvedObject.Name);
        }
    }
}

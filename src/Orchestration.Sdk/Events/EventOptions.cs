namespace Orchestration.Sdk.Events;

/// <summary>How events are queued, aggregated and expired.</summary>
public sealed class EventOptions
{
    /// <summary>
    /// Events waiting to be written; beyond this a new event is dropped (and counted in a log) rather than block the
    /// caller. <value>The default value is 1000 (client-go's maxQueuedEvents).</value>
    /// </summary>
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>
    /// How long an event stays after its last write before it is removed, as kube-apiserver's --event-ttl.
    /// <value>The default value is 1 hour.</value>
    /// </summary>
    public TimeSpan Ttl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// A repeat of an event (same object, reason, message, type and source) within this window increments the
    /// existing Event's count instead of creating another; similar events (same object, reason, type and source,
    /// other messages) are counted over the same window. <value>The default value is 10 minutes (client-go's).</value>
    /// </summary>
    public TimeSpan AggregationWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How many similar events with different messages within <see cref="AggregationWindow"/> are kept apart before
    /// they are combined into one Event whose message begins "(combined from similar events): ".
    /// <value>The default value is 10 (client-go's defaultAggregateMaxEvents).</value>
    /// </summary>
    public int MaxSimilarEvents { get; set; } = 10;

    /// <summary>How many distinct events the aggregation remembers. <value>The default value is 4096 (client-go's maxLruCacheEntries).</value></summary>
    public int CacheSize { get; set; } = 4096;

    /// <summary>The component of the <see cref="IEventRecorder"/> resolved directly from the service provider. <value>The default value is "orchestration-sdk".</value></summary>
    public string Component { get; set; } = "orchestration-sdk";
}

using BitFaster.Caching.Lru;

namespace Orchestration.Sdk.Events;

/// <summary>
/// Turns reports into Event writes as client-go's EventCorrelator (tools/record/events_cache.go) does, in two steps.
/// The aggregator: more than <see cref="EventOptions.MaxSimilarEvents"/> similar reports (same source, object, type
/// and reason, other messages) within the window become one Event whose message begins "(combined from similar
/// events): ". The logger: a repeat of the same report within the window increments the existing Event's count and
/// last timestamp instead of creating another. Both remember a bounded number of keys (least recently used go first).
/// Used by the single writer loop only.
/// </summary>
internal sealed class EventCorrelator
{
    internal const string CombinedPrefix = "(combined from similar events): ";

    private readonly ConcurrentLru<string, SimilarEvents> _similar;
    private readonly ConcurrentLru<string, Observed> _observed;
    private readonly EventNames _names;
    private readonly TimeSpan _window;
    private readonly int _maxSimilar;

    public EventCorrelator(EventOptions options, EventNames names)
    {
        ArgumentNullException.ThrowIfNull(options);
        _window = options.AggregationWindow;
        _maxSimilar = Math.Max(1, options.MaxSimilarEvents);
        var size = Math.Max(2, options.CacheSize);
        _similar = new ConcurrentLru<string, SimilarEvents>(size);
        _observed = new ConcurrentLru<string, Observed>(size);
        _names = names;
    }

    /// <summary>The Event to write for <paramref name="report"/>, and whether it updates an existing one (by name).</summary>
    public (Event Event, bool IsUpdate) Correlate(PendingEvent report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var message = Aggregate(report, out var key);
        var now = report.Time;
        if (_observed.TryGet(key, out var seen) && now - seen.Last <= _window)
        {
            seen = seen with { Count = seen.Count + 1, Last = now };
            _observed.AddOrUpdate(key, seen);
            return (Build(report, seen, message), true);
        }

        seen = new Observed(_names.Next(report.InvolvedObject.Name, now), 1, now, now);
        _observed.AddOrUpdate(key, seen);
        return (Build(report, seen, message), false);
    }

    private string Aggregate(PendingEvent report, out string key)
    {
        var r = report.InvolvedObject;
        var similarKey = string.Join('\u0001', report.Source.Component, report.Source.Host, r.Kind, r.Namespace, r.Name, r.Uid, r.ApiVersion, report.Type, report.Reason);
        if (!_similar.TryGet(similarKey, out var similar) || report.Time - similar.Last > _window)
        {
            similar = new SimilarEvents();
        }

        similar.Messages.Add(report.Message);
        similar.Last = report.Time;
        _similar.AddOrUpdate(similarKey, similar);
        if (similar.Messages.Count < _maxSimilar)
        {
            key = string.Join('\u0001', similarKey, r.FieldPath, report.Message);
            return report.Message;
        }

        // Keep the set bounded, as client-go's PopAny: the combined event stands for all of them from now on.
        similar.Messages.Remove(similar.Messages.First());
        key = similarKey;
        return CombinedPrefix + report.Message;
    }

    private static Event Build(PendingEvent report, Observed seen, string message) => new()
    {
        Metadata = new Model.ObjectMeta { Name = seen.Name, Namespace = report.Namespace },
        InvolvedObject = report.InvolvedObject,
        Reason = report.Reason,
        Message = message,
        Type = report.Type,
        Count = seen.Count,
        FirstTimestamp = seen.First,
        LastTimestamp = seen.Last,
        EventTime = seen.First,
        Source = report.Source,
        ReportingController = report.Source.Component,
        ReportingInstance = report.Source.Host ?? report.Source.Component,
        Action = report.Action,
    };

    private sealed record Observed(string Name, int Count, DateTimeOffset First, DateTimeOffset Last);

    private sealed class SimilarEvents
    {
        public HashSet<string> Messages { get; } = new(StringComparer.Ordinal);

        public DateTimeOffset Last { get; set; }
    }
}

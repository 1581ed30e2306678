using OpenTelemetry;
using OpenTelemetry.Metrics;
using Orchestration.Sdk.Diagnostics;

namespace Orchestration.Sdk.Tests.Diagnostics;

/// <summary>The SDK's meter read through OpenTelemetry's in-memory exporter: each <see cref="Collect"/> is one export.</summary>
internal sealed class ExportedMetrics : IDisposable
{
    private readonly LockedList<MetricSnapshot> _exported = new();
    private readonly MeterProvider _provider;

    public ExportedMetrics()
    {
        _provider = OpenTelemetry.Sdk.CreateMeterProviderBuilder().AddMeter(OrchestrationTelemetry.MeterName).AddInMemoryExporter(_exported).Build();
    }

    /// <summary>Collects now and returns the points of <paramref name="name"/> whose tags include every one of <paramref name="tags"/>.</summary>
    public IReadOnlyList<MetricPoint> Collect(string name, params (string Key, object Value)[] tags)
    {
        _exported.Clear();
        _provider.ForceFlush();
        var metric = _exported.Snapshot().LastOrDefault(m => m.Name == name);
        Assert.True(metric is not null, $"no metric {name} was exported; exported: {string.Join(", ", _exported.Snapshot().Select(m => m.Name).Distinct())}");
        return [.. metric.MetricPoints.Where(p => tags.All(t => Tags(p).TryGetValue(t.Key, out var v) && Equals(v, t.Value)))];
    }

    /// <summary>The sum of the matching points of a counter or up-down counter (observable or not).</summary>
    public long Sum(string name, params (string Key, object Value)[] tags)
    {
        var points = Collect(name, tags);
        Assert.True(points.Count > 0, $"no point of {name} has tags {string.Join(", ", tags)}");
        return points.Sum(p => p.GetSumLong());
    }

    /// <summary>The sum of the matching points, or null when none matches (for waits: the informers' caches follow the store).</summary>
    public long? TrySum(string name, params (string Key, object Value)[] tags)
    {
        _exported.Clear();
        _provider.ForceFlush();
        var points = _exported.Snapshot().LastOrDefault(m => m.Name == name)?.MetricPoints
            .Where(p => tags.All(t => Tags(p).TryGetValue(t.Key, out var v) && Equals(v, t.Value))).ToList();
        return points is { Count: > 0 } ? points.Sum(p => p.GetSumLong()) : null;
    }

    /// <summary>The one matching point's long gauge value.</summary>
    public long Gauge(string name, params (string Key, object Value)[] tags) => Assert.Single(Collect(name, tags)).GetGaugeLastValueLong();

    public string Unit(string name)
    {
        Collect(name);
        return _exported.Snapshot().Last(m => m.Name == name).Unit;
    }

    public static Dictionary<string, object?> Tags(MetricPoint point)
    {
        var tags = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in point.Tags)
        {
            tags[tag.Key] = tag.Value;
        }

        return tags;
    }

    public void Dispose() => _provider.Dispose();
}

using System.Diagnostics.Metrics;

namespace Orchestration.Sdk.Scheduling;

/// <summary>The scheduler's instruments, on the meter <c>Orchestration.Sdk.Scheduling</c>.</summary>
internal static class SchedulerMetrics
{
    public const string MeterName = "Orchestration.Sdk.Scheduling";

    /// <summary>Seconds one attempt took (filter, score, then bind and status write, or the unschedulable status), tagged with its result.</summary>
    public const string AttemptDurationName = "orchestration.sdk.scheduler.attempt.duration";

    public const string ResultTag = "result";

    public const string Scheduled = "scheduled";

    public const string Unschedulable = "unschedulable";

    public const string Error = "error";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> AttemptDuration = Meter.CreateHistogram<double>(
        AttemptDurationName,
        unit: "s",
        description: "Time one scheduling attempt took: filter and score the nodes, then bind the pod and write its PodScheduled condition.");

    public static bool Enabled => AttemptDuration.Enabled;

    public static void RecordAttempt(TimeSpan elapsed, string result) =>
        AttemptDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>(ResultTag, result));
}

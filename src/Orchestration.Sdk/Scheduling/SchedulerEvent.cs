using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Scheduling;

/// <summary>One item for the scheduling loop: a change, a kind's synced marker, or the retry timer's tick.</summary>
internal readonly record struct SchedulerEvent(
    SchedulerEventKind Kind,
    WatchEvent? Change = null,
    string? ResourceKind = null)
{
    public static SchedulerEvent Flush { get; } = new(SchedulerEventKind.Flush);
}

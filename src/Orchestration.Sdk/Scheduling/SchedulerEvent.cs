using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Scheduling;

/// <summary>One item for the scheduling loop: a watch event, a fresh list of a kind, or the retry timer's tick.</summary>
internal readonly record struct SchedulerEvent(
    SchedulerEventKind Kind,
    WatchEvent? Change = null,
    string? ResourceKind = null,
    IReadOnlyList<Resource>? Items = null,
    long Version = 0)
{
    public static SchedulerEvent Flush { get; } = new(SchedulerEventKind.Flush);
}

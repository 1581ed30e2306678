using Microsoft.Extensions.Logging;

namespace Orchestration.Sdk.Scheduling;

/// <summary>The scheduler's log messages.</summary>
internal static partial class SchedulerLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Scheduler started: scoring {Strategy}, percentage of nodes to score {Percentage} (0 = adaptive)")]
    public static partial void Started(ILogger logger, ScoringStrategy strategy, int percentage);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Scheduler stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Bound pod {Pod} to node {Node} ({Feasible} feasible of {Evaluated} nodes evaluated)")]
    public static partial void Bound(ILogger logger, string pod, string node, int feasible, int evaluated);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Unable to schedule pod {Pod}: {Reason}: {Message}")]
    public static partial void Unschedulable(ILogger logger, string pod, string reason, string message);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Debug, Message = "Pod {Pod} changed while it was being bound to node {Node}; binding skipped")]
    public static partial void BindSkipped(ILogger logger, string pod, string node);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Debug, Message = "Moved {Count} unschedulable pod(s) back to the active queue: {Event}")]
    public static partial void MovedToActive(ILogger logger, int count, string @event);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Error, Message = "Scheduling pod {Pod} failed; it will be retried")]
    public static partial void AttemptFailed(ILogger logger, string pod, Exception exception);
}

using Microsoft.Extensions.Logging;

namespace Orchestration.Sdk.Events;

/// <summary>The event pipeline's log messages. Messages are never logged: they can quote anything.</summary>
internal static partial class EventLog
{
    [LoggerMessage(EventId = 2501, Level = LogLevel.Warning, Message = "event queue full: dropped event {Reason} on {Kind} {Namespace}/{Name} ({Dropped} dropped in total)")]
    public static partial void Dropped(ILogger logger, string reason, string kind, string @namespace, string name, long dropped);

    [LoggerMessage(EventId = 2502, Level = LogLevel.Warning, Message = "writing event {Reason} on {Kind} {Namespace}/{Name} failed")]
    public static partial void WriteFailed(ILogger logger, Exception exception, string reason, string kind, string @namespace, string name);

    [LoggerMessage(EventId = 2503, Level = LogLevel.Debug, Message = "event {Namespace}/{Name} expired (last seen {LastSeen:o}, ttl {Ttl})")]
    public static partial void Expired(ILogger logger, string @namespace, string name, DateTimeOffset lastSeen, TimeSpan ttl);
}

using Microsoft.Extensions.Logging;

namespace Orchestration.Sdk.Informers;

internal static partial class InformerLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Informer for {Kind}: watch expired ({Reason}); listing again")]
    public static partial void WatchExpired(ILogger logger, string kind, string? reason);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Informer for {Kind}: list or watch failed; retrying in {Delay}")]
    public static partial void WatchFailed(ILogger logger, Exception exception, string kind, TimeSpan delay);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Error, Message = "Informer for {Kind}: a handler failed on {Event} of {Object}; it keeps receiving events")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string kind, string @event, string @object);
}

using Microsoft.Extensions.Logging;

namespace Orchestration.Sdk.Networking.Proxy;

internal static partial class ServiceProxyLog
{
    [LoggerMessage(EventId = 2701, Level = LogLevel.Information, Message = "Service proxy: {Service} listens on {EndPoint}")]
    public static partial void Listening(ILogger logger, string service, string endPoint);

    [LoggerMessage(EventId = 2702, Level = LogLevel.Information, Message = "Service proxy: {Service} stopped listening on {EndPoint}")]
    public static partial void Closed(ILogger logger, string service, string endPoint);

    [LoggerMessage(EventId = 2703, Level = LogLevel.Warning, Message = "Service proxy: {Service} cannot listen on {EndPoint}: {Reason}")]
    public static partial void ListenFailed(ILogger logger, string service, string endPoint, string reason);

    [LoggerMessage(EventId = 2704, Level = LogLevel.Warning, Message = "Service proxy: accepting a connection for {Service} failed")]
    public static partial void AcceptFailed(ILogger logger, Exception exception, string service);

    [LoggerMessage(EventId = 2705, Level = LogLevel.Debug, Message = "Service proxy: {Service} backend {Backend} did not take the connection ({Reason}); trying the next")]
    public static partial void BackendFailed(ILogger logger, string service, string backend, string reason);

    [LoggerMessage(EventId = 2706, Level = LogLevel.Debug, Message = "Service proxy: no ready endpoint of {Service} took the connection ({Count} tried); closing it")]
    public static partial void NoBackend(ILogger logger, string service, int count);

    [LoggerMessage(EventId = 2707, Level = LogLevel.Warning, Message = "Service proxy: writing service names into the pods' hosts files failed; retrying shortly")]
    public static partial void PublishHostsFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2708, Level = LogLevel.Information, Message = "Pod {Pod}: waited for the service proxy to drain {Address} before stopping it (drained: {Drained})")]
    public static partial void Drained(ILogger logger, string pod, string address, bool drained);
}

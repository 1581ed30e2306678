using Microsoft.Extensions.Logging;

namespace Orchestration.Sdk.Kubernetes.Server;

/// <summary>The API server's logs. Tokens and request bodies are never logged.</summary>
internal static partial class ApiLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Kubernetes API listening on {Address}")]
    public static partial void Listening(ILogger logger, Uri address);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Kubeconfig written to {Path} (context {Context})")]
    public static partial void KubeconfigWritten(ILogger logger, string path, string context);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Debug, Message = "{Method} {Path} -> {Code} {Reason}")]
    public static partial void Failed(ILogger logger, string method, string path, int code, string reason);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    public static partial void Crashed(ILogger logger, string method, string path, Exception exception);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Debug, Message = "{Method} {Path} rejected: no valid bearer token")]
    public static partial void Unauthenticated(ILogger logger, string method, string path);
}

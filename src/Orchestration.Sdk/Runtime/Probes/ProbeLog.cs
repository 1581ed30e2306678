using Microsoft.Extensions.Logging;

namespace Orchestration.Sdk.Runtime.Probes;

/// <summary>The probers' log messages, worded as the kubelet's Unhealthy and Killing events.</summary>
internal static partial class ProbeLog
{
    [LoggerMessage(EventId = 2201, Level = LogLevel.Warning, Message = "node {Node}: pod {Pod}: container {Container}: {Kind} probe failed: {Output}")]
    public static partial void ProbeFailed(ILogger logger, string node, string pod, string container, string kind, string? output);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Information, Message = "node {Node}: pod {Pod}: container {Container}: {Kind} probe succeeded")]
    public static partial void ProbeSucceeded(ILogger logger, string node, string pod, string container, string kind);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Information, Message = "node {Node}: pod {Pod}: {Message}")]
    public static partial void Killing(ILogger logger, string node, string pod, string message);
}

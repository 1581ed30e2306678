using Microsoft.Extensions.Logging;

namespace Orchestration.Sdk.Configuration;

/// <summary>Log messages about ConfigMap and Secret references; they name objects and keys, never values.</summary>
internal static partial class ConfigLog
{
    [LoggerMessage(EventId = 2401, Level = LogLevel.Warning, Message = "node {Node}: pod {Pod} container {Container} cannot be created: {Reason}")]
    public static partial void ReferenceMissing(ILogger logger, string node, string pod, string container, string reason);

    [LoggerMessage(EventId = 2402, Level = LogLevel.Information, Message = "node {Node}: pod {Pod} container {Container}: updated {Count} files from changed ConfigMaps/Secrets")]
    public static partial void FilesUpdated(ILogger logger, string node, string pod, string container, int count);

    [LoggerMessage(EventId = 2403, Level = LogLevel.Information, Message = "deployment {Deployment}: rolling out because {Source} changed")]
    public static partial void RollingOut(ILogger logger, string deployment, string source);
}

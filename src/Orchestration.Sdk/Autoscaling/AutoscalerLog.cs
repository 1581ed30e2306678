using Microsoft.Extensions.Logging;

namespace Orchestration.Sdk.Autoscaling;

/// <summary>The autoscaler controller's log messages.</summary>
internal static partial class AutoscalerLog
{
    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "{Autoscaler}: {Reason}")]
    public static partial void Rescaled(ILogger logger, string autoscaler, string reason);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Warning, Message = "{Autoscaler}: {Reason}: {Message}; replica count left unchanged")]
    public static partial void DecisionSkipped(ILogger logger, string autoscaler, string reason, string message);
}

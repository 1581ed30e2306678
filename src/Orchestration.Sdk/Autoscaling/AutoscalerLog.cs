using Microsoft.Extensions.Logging;

namespace Orchestration.Sdk.Autoscaling;

/// <summary>The autoscaler controller's log messages.</summary>
internal static partial class AutoscalerLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Autoscaler}: {Reason}")]
    public static partial void Rescaled(ILogger logger, string autoscaler, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Autoscaler}: {Reason}: {Message}; replica count left unchanged")]
    public static partial void DecisionSkipped(ILogger logger, string autoscaler, string reason, string message);
}

namespace Orchestration.Sdk.Diagnostics;

/// <summary>
/// The names under which the SDK publishes its traces and metrics, for OpenTelemetry's
/// <c>AddSource(OrchestrationTelemetry.ActivitySourceName)</c> and <c>AddMeter(OrchestrationTelemetry.MeterName)</c>.
/// Nothing is recorded while nobody listens to them.
/// </summary>
public static class OrchestrationTelemetry
{
    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/> of every span the SDK starts: "Orchestration.Sdk".</summary>
    public const string ActivitySourceName = "Orchestration.Sdk";

    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/> of every instrument the SDK records: "Orchestration.Sdk".</summary>
    public const string MeterName = "Orchestration.Sdk";

    /// <summary>
    /// The annotation that holds, while spans are recorded, the W3C trace context (traceparent) of the span that created
    /// the object, or of the last apply that changed it: "orchestration.sdk/traceparent". The spans of the work that object
    /// causes (its reconciles, a pod's scheduling attempts and syncs) link to it, so an apply can be followed down to the
    /// containers it started.
    /// </summary>
    public const string TraceParentAnnotation = "orchestration.sdk/traceparent";
}

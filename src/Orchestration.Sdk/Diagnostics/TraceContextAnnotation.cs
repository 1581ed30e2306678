using System.Diagnostics;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Diagnostics;

/// <summary>
/// Carries trace context across the store: while one of the SDK's spans is current, a created object (and an applied
/// one that changed) gets <see cref="OrchestrationTelemetry.TraceParentAnnotation"/>; the spans of the work it causes
/// link to that context. Nothing is written while nobody records the SDK's spans (there is no current span of its source).
/// </summary>
internal static class TraceContextAnnotation
{
    /// <summary>The object with the current span's traceparent, or the object itself when no span of the SDK is current.</summary>
    public static T Stamp<T>(T obj)
        where T : Resource
    {
        if (Activity.Current is not { } current || current.Source.Name != OrchestrationTelemetry.ActivitySourceName ||
            current.IdFormat != ActivityIdFormat.W3C || obj.Kind == Events.Event.KindName)
        {
            return obj;
        }

        var traceParent = current.Id!;
        if (obj.Metadata.Annotations.TryGetValue(OrchestrationTelemetry.TraceParentAnnotation, out var existing) && existing == traceParent)
        {
            return obj;
        }

        var annotations = new Dictionary<string, string>(obj.Metadata.Annotations, StringComparer.Ordinal)
        {
            [OrchestrationTelemetry.TraceParentAnnotation] = traceParent,
        };
        return (T)obj.WithMetadata(obj.Metadata with { Annotations = annotations });
    }

    /// <summary>The trace context stored on the object, if any parses.</summary>
    public static bool TryRead(Resource? obj, out ActivityContext context)
    {
        context = default;
        return obj is not null &&
            obj.Metadata.Annotations.TryGetValue(OrchestrationTelemetry.TraceParentAnnotation, out var traceParent) &&
            ActivityContext.TryParse(traceParent, null, isRemote: false, out context);
    }
}

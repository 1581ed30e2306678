using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Events;

/// <summary>The two shapes of <see cref="IEventRecorder.Record"/> callers use, as client-go's Event(obj, type, …).</summary>
public static class EventRecorderExtensions
{
    /// <summary>Records a Normal event: nothing is wrong.</summary>
    /// <param name="recorder">The recorder.</param>
    /// <param name="involvedObject">The object the event is about.</param>
    /// <param name="reason">A short CamelCase reason ("Scheduled").</param>
    /// <param name="message">A human-readable description.</param>
    /// <param name="fieldPath">The part of the object, such as <c>spec.containers{web}</c>. <value>The default value is null (the whole object).</value></param>
    /// <param name="action">What was done, as events.k8s.io's action. <value>The default value is null (none).</value></param>
    public static void Normal(this IEventRecorder recorder, Resource involvedObject, string reason, string message, string? fieldPath = null, string? action = null)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        recorder.Record(involvedObject, EventTypes.Normal, reason, message, fieldPath, action);
    }

    /// <summary>Records a Warning event: something may be wrong.</summary>
    /// <param name="recorder">The recorder.</param>
    /// <param name="involvedObject">The object the event is about.</param>
    /// <param name="reason">A short CamelCase reason ("BackOff").</param>
    /// <param name="message">A human-readable description.</param>
    /// <param name="fieldPath">The part of the object, such as <c>spec.containers{web}</c>. <value>The default value is null (the whole object).</value></param>
    /// <param name="action">What failed, as events.k8s.io's action. <value>The default value is null (none).</value></param>
    public static void Warning(this IEventRecorder recorder, Resource involvedObject, string reason, string message, string? fieldPath = null, string? action = null)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        recorder.Record(involvedObject, EventTypes.Warning, reason, message, fieldPath, action);
    }
}

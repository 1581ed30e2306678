using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Events;

/// <summary>
/// Records events about objects, as client-go's record.EventRecorder. Recording never blocks and never throws: the
/// event is queued and written to the store in the background (repeats aggregated into one Event's count); when the
/// queue is full the event is dropped and the drop counted in a log. Use <see cref="EventRecorderExtensions.Normal"/>
/// and <see cref="EventRecorderExtensions.Warning"/>.
/// </summary>
public interface IEventRecorder
{
    /// <summary>Records an event about <paramref name="involvedObject"/>.</summary>
    /// <param name="involvedObject">The object the event is about (its kind, namespace, name, uid and version are kept).</param>
    /// <param name="type">"Normal" or "Warning" (<see cref="EventTypes"/>).</param>
    /// <param name="reason">A short CamelCase reason ("Scheduled", "BackOff").</param>
    /// <param name="message">A human-readable description.</param>
    /// <param name="fieldPath">The part of the object, such as <c>spec.containers{web}</c>. <value>The default value is null (the whole object).</value></param>
    /// <param name="action">What was done or failed, as events.k8s.io's action ("Binding"). <value>The default value is null (none).</value></param>
    void Record(Resource involvedObject, string type, string reason, string message, string? fieldPath = null, string? action = null);
}

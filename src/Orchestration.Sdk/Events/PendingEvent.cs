namespace Orchestration.Sdk.Events;

/// <summary>One recorded report, waiting in the queue to be correlated and written.</summary>
/// <param name="InvolvedObject">The object it is about.</param>
/// <param name="Type">"Normal" or "Warning".</param>
/// <param name="Reason">The reason.</param>
/// <param name="Message">The message.</param>
/// <param name="Action">The action, or empty.</param>
/// <param name="Source">The reporting component.</param>
/// <param name="Time">When it was recorded.</param>
internal sealed record PendingEvent(ObjectReference InvolvedObject, string Type, string Reason, string Message, string Action, EventSource Source, DateTimeOffset Time)
{
    /// <summary>The namespace the Event lives in: its object's, or "default" for a cluster-scoped object, as client-go.</summary>
    public string Namespace => InvolvedObject.Namespace.Length > 0 ? InvolvedObject.Namespace : "default";
}

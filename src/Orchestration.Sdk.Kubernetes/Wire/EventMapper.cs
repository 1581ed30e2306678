using k8s.Models;
using Orchestration.Sdk.Events;

namespace Orchestration.Sdk.Kubernetes.Wire;

/// <summary>
/// Maps the SDK's <see cref="Event"/> to core/v1 Event and to events.k8s.io/v1 Event, as kube-apiserver converts
/// between the two: involvedObject is regarding, message is note, count/first/last are the series and deprecated fields.
/// </summary>
internal static class EventMapper
{
    public static Corev1Event ToCoreWire(Event e) => new()
    {
        ApiVersion = "v1",
        Kind = "Event",
        Metadata = MetaMapper.ToWire(e.Metadata, namespaced: true),
        InvolvedObject = Reference(e.InvolvedObject),
        Reason = MetaMapper.Empty(e.Reason),
        Message = MetaMapper.Empty(e.Message),
        Type = e.Type,
        Count = e.Count,
        FirstTimestamp = MetaMapper.Time(e.FirstTimestamp),
        LastTimestamp = MetaMapper.Time(e.LastTimestamp),
        EventTime = e.EventTime?.UtcDateTime,
        Source = Source(e.Source),
        ReportingComponent = e.ReportingController,
        ReportingInstance = e.ReportingInstance,
        Action = MetaMapper.Empty(e.Action),
    };

    public static Eventsv1Event ToEventsWire(Event e) => new()
    {
        ApiVersion = "events.k8s.io/v1",
        Kind = "Event",
        Metadata = MetaMapper.ToWire(e.Metadata, namespaced: true),
        Regarding = Reference(e.InvolvedObject),
        Note = MetaMapper.Empty(e.Message),
        Reason = MetaMapper.Empty(e.Reason),
        Type = e.Type,
        EventTime = (e.EventTime ?? e.FirstTimestamp).UtcDateTime,
        ReportingController = MetaMapper.Empty(e.ReportingController),
        ReportingInstance = MetaMapper.Empty(e.ReportingInstance),
        Action = MetaMapper.Empty(e.Action),
        Series = e.Count > 1 ? new Eventsv1EventSeries { Count = e.Count, LastObservedTime = e.LastTimestamp.UtcDateTime } : null,
        DeprecatedCount = e.Count,
        DeprecatedFirstTimestamp = MetaMapper.Time(e.FirstTimestamp),
        DeprecatedLastTimestamp = MetaMapper.Time(e.LastTimestamp),
        DeprecatedSource = Source(e.Source),
    };

    /// <summary>The value of a field selector over an event, by the names core/v1 and events.k8s.io/v1 use; null for another name.</summary>
    public static Func<Event, string?>? Field(string name) => name switch
    {
        "involvedObject.kind" or "regarding.kind" => e => e.InvolvedObject.Kind,
        "involvedObject.namespace" or "regarding.namespace" => e => e.InvolvedObject.Namespace,
        "involvedObject.name" or "regarding.name" => e => e.InvolvedObject.Name,
        "involvedObject.uid" or "regarding.uid" => e => e.InvolvedObject.Uid,
        "involvedObject.apiVersion" or "regarding.apiVersion" => e => e.InvolvedObject.ApiVersion,
        "involvedObject.resourceVersion" or "regarding.resourceVersion" => e => e.InvolvedObject.ResourceVersion,
        "involvedObject.fieldPath" or "regarding.fieldPath" => e => e.InvolvedObject.FieldPath ?? string.Empty,
        "reason" => e => e.Reason,
        "type" => e => e.Type,
        "source" or "reportingController" or "reportingComponent" => e => e.ReportingController.Length > 0 ? e.ReportingController : e.Source.Component,
        _ => null,
    };

    private static V1EventSource? Source(EventSource s) =>
        s.Component.Length == 0 && s.Host is null ? null : new V1EventSource { Component = MetaMapper.Empty(s.Component), Host = s.Host };

    private static V1ObjectReference Reference(ObjectReference o) => new()
    {
        Kind = o.Kind,
        NamespaceProperty = MetaMapper.Empty(o.Namespace),
        Name = o.Name,
        Uid = MetaMapper.Empty(o.Uid),
        ApiVersion = o.ApiVersion,
        ResourceVersion = MetaMapper.Empty(o.ResourceVersion),
        FieldPath = o.FieldPath,
    };
}

using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Events;

/// <summary>
/// A report of something that happened to an object, as Kubernetes' core/v1 Event (so it maps to V1Event and to
/// events.k8s.io/v1 without loss). Namespaced: an event lives in its object's namespace ("default" for a Node's).
/// Repeats of the same report are one Event whose <see cref="Count"/> and <see cref="LastTimestamp"/> grow. Events
/// are removed <see cref="EventOptions.Ttl"/> after their last write.
/// </summary>
public sealed record Event : Resource
{
    /// <summary>The kind name.</summary>
    public const string KindName = "Event";

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <summary>The object the event is about.</summary>
    public required ObjectReference InvolvedObject { get; init; }

    /// <summary>A short, CamelCase reason ("Scheduled", "BackOff"), what a machine would switch on.</summary>
    public required string Reason { get; init; }

    /// <summary>A human-readable description. <value>The default value is empty.</value></summary>
    public string Message { get; init; } = string.Empty;

    /// <summary>"Normal" or "Warning" (<see cref="EventTypes"/>). <value>The default value is "Normal".</value></summary>
    public string Type { get; init; } = EventTypes.Normal;

    /// <summary>How many times this event was reported. <value>The default value is 1.</value></summary>
    public int Count { get; init; } = 1;

    /// <summary>When it was first reported.</summary>
    public DateTimeOffset FirstTimestamp { get; init; }

    /// <summary>When it was last reported.</summary>
    public DateTimeOffset LastTimestamp { get; init; }

    /// <summary>When it was first observed, with microseconds, as events.k8s.io's eventTime. <value>The default value is null.</value></summary>
    public DateTimeOffset? EventTime { get; init; }

    /// <summary>The component that reported it. <value>The default value is an empty component.</value></summary>
    public EventSource Source { get; init; } = new(string.Empty);

    /// <summary>The controller that reported it ("kubelet", "default-scheduler"). <value>The default value is empty.</value></summary>
    public string ReportingController { get; init; } = string.Empty;

    /// <summary>The instance of that controller (a node name for the kubelet). <value>The default value is empty.</value></summary>
    public string ReportingInstance { get; init; } = string.Empty;

    /// <summary>What was done or failed ("Binding", "Scheduling"), as events.k8s.io's action. <value>The default value is empty.</value></summary>
    public string Action { get; init; } = string.Empty;

    /// <summary>When this event was last written: its last report, or its creation if later (the time its TTL counts from).</summary>
    public DateTimeOffset LastObserved
    {
        get
        {
            var last = LastTimestamp > FirstTimestamp ? LastTimestamp : FirstTimestamp;
            last = EventTime is { } t && t > last ? t : last;
            return Metadata.CreationTimestamp > last ? Metadata.CreationTimestamp : last;
        }
    }

    // As in Kubernetes, an Event has no spec/status split: its generation stays 1.
    internal override object? SpecObject => null;

    internal override object? StatusObject => null;

    internal override Resource WithStatusOf(Resource other) => this;
}

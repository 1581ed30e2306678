using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Kinds;
using Orchestration.Sdk.Kinds.BuiltIn;

namespace Orchestration.Sdk.Events;

/// <summary>
/// Events (core/v1, short name "ev"): no status; the columns of <c>kubectl get events</c> (LAST SEEN, TYPE, REASON,
/// OBJECT, MESSAGE; with <c>-o wide</c> also SUBOBJECT, SOURCE, FIRST SEEN, COUNT, NAME), computed as Kubernetes'
/// printEvent does.
/// </summary>
internal sealed class EventRule : BuiltInRule<Event>
{
    public override string Kind => Event.KindName;

    public override string Plural => "events";

    public override IReadOnlyList<string> ShortNames { get; } = ["ev"];

    public override bool HasStatus => false;

    /// <summary>The order Kubernetes' server-side table gives them; priority 1 is shown with <c>-o wide</c>. Times are ages.</summary>
    public override IReadOnlyList<TableColumn> PrintColumns { get; } =
    [
        Column("Last Seen", "date", "The time at which the most recent occurrence of this event was recorded.", e => LastSeen(e)),
        Column("Type", "string", "Type of this event (Normal, Warning), new types could be added in the future", e => e.Type),
        Column("Reason", "string", "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.", e => e.Reason),
        Column("Object", "string", "The object that this event is about.", ObjectOf),
        Column("Subobject", "string", "If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2].", e => e.InvolvedObject.FieldPath ?? string.Empty, priority: 1),
        Column("Source", "string", "The component reporting this event. Should be a short machine understandable string.", SourceOf, priority: 1),
        Column("Message", "string", "A human-readable description of the status of this operation.", e => e.Message.Trim()),
        Column("First Seen", "date", "The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)", e => FirstSeen(e), priority: 1),
        Column("Count", "integer", "The number of times this event has occurred.", e => Math.Max(1, e.Count), priority: 1),
        new TableColumn("Name", "string", "name", TableColumn.NameDescription, 1, r => r.Metadata.Name),
    ];

    /// <summary>"pod/web-abc", or the lower-cased kind alone when the event names no object.</summary>
    internal static string ObjectOf(Event e) =>
        e.InvolvedObject.Name.Length > 0 ? $"{e.InvolvedObject.Kind.ToLowerInvariant()}/{e.InvolvedObject.Name}" : e.InvolvedObject.Kind.ToLowerInvariant();

    /// <summary>"kubelet, node-1": the component (else the reporting controller) and the host (else the reporting instance).</summary>
    internal static string SourceOf(Event e)
    {
        var component = e.Source.Component.Length > 0 ? e.Source.Component : e.ReportingController;
        var instance = !string.IsNullOrEmpty(e.Source.Host) ? e.Source.Host : e.ReportingInstance;
        return instance.Length == 0 || instance == component ? component : $"{component}, {instance}";
    }

    protected override void Validate(Event obj, FieldPath root, bool checkNamespace, List<ValidationError> errors)
    {
        MetadataValidator.Validate(obj.Metadata, root.Child("metadata"), NameRules.Dns1123Subdomain, checkNamespace, errors);
        var involved = root.Child("involvedObject");
        if (obj.InvolvedObject.Namespace.Length > 0 && obj.InvolvedObject.Namespace != obj.Metadata.Namespace)
        {
            errors.Add(FieldErrors.Invalid(involved.Child("namespace"), obj.InvolvedObject.Namespace, "does not match event.namespace"));
        }

        if (obj.Type is not (EventTypes.Normal or EventTypes.Warning))
        {
            errors.Add(FieldErrors.NotSupported(root.Child("type"), obj.Type, EventTypes.Normal, EventTypes.Warning));
        }

        if (obj.Count < 0)
        {
            errors.Add(FieldErrors.Invalid(root.Child("count"), obj.Count, "must be greater than or equal to 0"));
        }
    }

    private static DateTimeOffset FirstSeen(Event e) => e.FirstTimestamp != default ? e.FirstTimestamp : e.EventTime ?? e.Metadata.CreationTimestamp;

    private static DateTimeOffset LastSeen(Event e) => e.LastTimestamp != default ? e.LastTimestamp : FirstSeen(e);
}

using System.Globalization;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Events;

/// <summary>A recorder for one component: builds the report and hands it to the broadcaster's queue.</summary>
internal sealed class EventRecorder(EventBroadcaster broadcaster, EventSource source) : IEventRecorder
{
    public void Record(Resource involvedObject, string type, string reason, string message, string? fieldPath = null, string? action = null)
    {
        if (Build(involvedObject, type, reason, message, fieldPath, action) is { } report)
        {
            broadcaster.Enqueue(report);
        }
    }

    /// <summary>The report to queue, or null for one without an object or a reason (recording never fails its caller).</summary>
    internal PendingEvent? Build(Resource? involvedObject, string type, string reason, string message, string? fieldPath, string? action)
    {
        if (involvedObject is null || string.IsNullOrEmpty(reason))
        {
            return null;
        }

        var meta = involvedObject.Metadata;
        var reference = new ObjectReference
        {
            Kind = involvedObject.Kind,
            Namespace = involvedObject.IsNamespaced ? meta.Namespace : string.Empty,
            Name = meta.Name,
            Uid = meta.Uid,
            ApiVersion = broadcaster.ApiVersionOf(involvedObject.Kind),
            ResourceVersion = meta.ResourceVersion > 0 ? meta.ResourceVersion.ToString(CultureInfo.InvariantCulture) : string.Empty,
            FieldPath = string.IsNullOrEmpty(fieldPath) ? null : fieldPath,
        };
        return new PendingEvent(reference, type is EventTypes.Warning ? EventTypes.Warning : EventTypes.Normal, reason, message ?? string.Empty, action ?? string.Empty, source, broadcaster.Now);
    }
}

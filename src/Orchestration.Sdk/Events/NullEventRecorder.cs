using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Events;

/// <summary>A recorder that records nothing, for components built without the event pipeline (unit-test harnesses).</summary>
internal sealed class NullEventRecorder : IEventRecorder
{
    public static readonly NullEventRecorder Instance = new();

    public void Record(Resource involvedObject, string type, string reason, string message, string? fieldPath = null, string? action = null)
    {
    }
}

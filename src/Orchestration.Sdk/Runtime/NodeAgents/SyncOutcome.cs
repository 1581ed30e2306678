namespace Orchestration.Sdk.Runtime.NodeAgents;

/// <summary>What a pod sync asks of its worker next.</summary>
/// <param name="Finished">The pod is gone and its containers removed: the worker ends.</param>
/// <param name="WakeAt">Sync again at this time (a back-off or retry ends), or null to wait for a change.</param>
internal readonly record struct SyncOutcome(bool Finished, DateTimeOffset? WakeAt)
{
    public static SyncOutcome Done => new(true, null);

    public static SyncOutcome Idle => new(false, null);
}

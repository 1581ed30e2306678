namespace Orchestration.Sdk.Model;

/// <summary>Pod condition types.</summary>
public static class PodConditionType
{
    /// <summary>The scheduler bound the pod, or says why it could not (reason "Unschedulable").</summary>
    public const string PodScheduled = "PodScheduled";

    /// <summary>All containers are ready; the pod may receive traffic.</summary>
    public const string Ready = "Ready";

    /// <summary>All init containers completed (reason "ContainersNotInitialized" while they have not).</summary>
    public const string Initialized = "Initialized";

    /// <summary>All containers are ready (the container-level half of Ready).</summary>
    public const string ContainersReady = "ContainersReady";
}

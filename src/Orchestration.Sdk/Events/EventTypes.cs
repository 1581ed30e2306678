namespace Orchestration.Sdk.Events;

/// <summary>The two event types Kubernetes defines.</summary>
public static class EventTypes
{
    /// <summary>Information: nothing is wrong ("Scheduled", "Started", "ScalingReplicaSet").</summary>
    public const string Normal = "Normal";

    /// <summary>Something may be wrong and is worth a look ("BackOff", "Unhealthy", "FailedScheduling").</summary>
    public const string Warning = "Warning";
}

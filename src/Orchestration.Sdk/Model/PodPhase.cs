namespace Orchestration.Sdk.Model;

/// <summary>A pod's lifecycle phase, as Kubernetes'.</summary>
public enum PodPhase
{
    /// <summary>Accepted, but not all containers are running yet (unscheduled, or starting).</summary>
    Pending,

    /// <summary>Bound to a node, and at least one container is running or restarting.</summary>
    Running,

    /// <summary>All containers exited with code 0 and will not be restarted.</summary>
    Succeeded,

    /// <summary>All containers exited, at least one with a failure, and none will be restarted.</summary>
    Failed,

    /// <summary>The node stopped reporting.</summary>
    Unknown,
}

namespace Orchestration.Sdk.Model;

/// <summary>A taint's effect, as Kubernetes'.</summary>
public enum TaintEffect
{
    /// <summary>New pods that do not tolerate the taint are not scheduled onto the node.</summary>
    NoSchedule,

    /// <summary>The scheduler avoids the node but may use it.</summary>
    PreferNoSchedule,

    /// <summary>Not scheduled, and running pods that do not tolerate it are evicted.</summary>
    NoExecute,
}

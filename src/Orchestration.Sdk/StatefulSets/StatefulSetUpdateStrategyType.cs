namespace Orchestration.Sdk.StatefulSets;

/// <summary>How a StatefulSet replaces pods after a template change.</summary>
public enum StatefulSetUpdateStrategyType
{
    /// <summary>Pods at or above the partition are replaced one at a time, from the highest ordinal down, each once the others are Ready (the default).</summary>
    RollingUpdate,

    /// <summary>Pods are replaced only when someone deletes them.</summary>
    OnDelete,
}

namespace Orchestration.Sdk.StatefulSets;

/// <summary>How a StatefulSet starts and stops its pods (Kubernetes' podManagementPolicy).</summary>
public enum PodManagementPolicy
{
    /// <summary>One at a time: pod i is created once pods 0..i-1 are Running and Ready; scale-down removes the highest ordinal first, one at a time (the default).</summary>
    OrderedReady,

    /// <summary>All at once, without waiting for readiness.</summary>
    Parallel,
}

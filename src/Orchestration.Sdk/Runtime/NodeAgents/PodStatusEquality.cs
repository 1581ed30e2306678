using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Runtime.NodeAgents;

/// <summary>Compares pod statuses by content (records compare lists by reference), so unchanged statuses are not rewritten.</summary>
internal static class PodStatusEquality
{
    public static bool Same(PodStatus a, PodStatus b) =>
        a.Phase == b.Phase &&
        a.Reason == b.Reason &&
        a.Message == b.Message &&
        a.PodIP == b.PodIP &&
        a.HostIP == b.HostIP &&
        a.StartTime == b.StartTime &&
        a.Conditions.SequenceEqual(b.Conditions) &&
        a.ContainerStatuses.SequenceEqual(b.ContainerStatuses);
}

namespace Orchestration.Sdk.Docker.Metrics;

/// <summary>A running app container of a pod.</summary>
/// <param name="Id">The container's id.</param>
/// <param name="PodUid">The uid of its pod (the <see cref="Runtime.RuntimeLabels.PodUid"/> label).</param>
internal sealed record StatsContainer(string Id, string PodUid);

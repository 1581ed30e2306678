namespace Orchestration.Sdk.Model;

/// <summary>
/// A file or directory of the node mounted into the pod (Kubernetes' hostPath). Unsafe: it escapes the pod's isolation
/// and ties the pod's data to one machine. The node agent refuses it unless the app opts in
/// (<see cref="Runtime.NodeAgents.NodeAgentOptions.AllowHostPathVolumes"/>).
/// </summary>
public sealed record HostPathVolumeSource
{
    /// <summary>The absolute path on the node.</summary>
    public required string Path { get; init; }
}

namespace Orchestration.Sdk.Runtime.NodeAgents;

/// <summary>Options of the node agents (the kubelet's job): heart-beat, crash-loop back-off and runtime-call retries.</summary>
public sealed class NodeAgentOptions
{
    /// <summary>How often a node agent posts its node's status while the runtime answers (Kubernetes' nodeStatusUpdateFrequency).
    /// <value>The default value is 10 seconds.</value></summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The crash-loop back-off after the second exit in a row: the first restart is immediate, then this, doubling.
    /// <value>The default value is 10 seconds, as Kubernetes'.</value></summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest crash-loop back-off. <value>The default value is 300 seconds (5 minutes), as Kubernetes'.</value></summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>A container that ran at least this long before it exited is restarted at once, and its back-off starts over.
    /// <value>The default value is 10 minutes, as Kubernetes'.</value></summary>
    public TimeSpan BackoffResetAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The first retry delay after a failed runtime call (the error shows on the container's status meanwhile); doubles per failure.
    /// <value>The default value is 1 second.</value></summary>
    public TimeSpan RuntimeRetryInitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest retry delay after failed runtime calls. <value>The default value is 30 seconds.</value></summary>
    public TimeSpan RuntimeRetryMaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// When set, containers are labeled with it (<see cref="RuntimeLabels.App"/>) and the agents only adopt or remove
    /// containers carrying the same value, so several applications can share one container engine.
    /// <value>The default value is null: every container the SDK labeled for the node is the agent's.</value>
    /// </summary>
    public string? ApplicationName { get; set; }

    /// <summary>
    /// Whether pods may mount directories of the node (hostPath volumes). Unsafe: a container then reads and writes the
    /// host's files outside any isolation, and its data is tied to that machine. A pod with a hostPath volume is refused
    /// (its containers wait with CreateContainerConfigError) unless this is set. <value>The default value is false.</value>
    /// </summary>
    public bool AllowHostPathVolumes { get; set; }
}

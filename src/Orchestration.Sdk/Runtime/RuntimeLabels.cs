namespace Orchestration.Sdk.Runtime;

/// <summary>
/// The labels the node agent puts on sandboxes and containers (in <see cref="PodSandboxRequest.Labels"/> and
/// <see cref="ContainerCreateRequest.Labels"/>) to find them again (adoption after a restart). A runtime stores them
/// unchanged with the object and returns them on every list, inspect and event; it may add labels of its own, and
/// <see cref="Sandbox"/> marks the sandboxes it must leave out of <see cref="IContainerRuntime.ListContainersAsync"/>.
/// </summary>
public static class RuntimeLabels
{
    /// <summary>Marks objects managed by the SDK. Value: "true".</summary>
    public const string Managed = "io.orchestration.managed";

    /// <summary>The application (host) that owns them.</summary>
    public const string App = "io.orchestration.app";

    /// <summary>The node the pod is bound to.</summary>
    public const string Node = "io.orchestration.node";

    /// <summary>The pod's uid.</summary>
    public const string PodUid = "io.orchestration.pod.uid";

    /// <summary>The pod's name.</summary>
    public const string PodName = "io.orchestration.pod.name";

    /// <summary>The pod's namespace.</summary>
    public const string PodNamespace = "io.orchestration.pod.namespace";

    /// <summary>The container's name within the pod.</summary>
    public const string ContainerName = "io.orchestration.container.name";

    /// <summary>How many times the container had been restarted when this instance was created.</summary>
    public const string RestartCount = "io.orchestration.container.restart-count";

    /// <summary>Marks the sandbox (not an app container). Value: "true".</summary>
    public const string Sandbox = "io.orchestration.sandbox";

    /// <summary>On a claim's volume: the claim's name.</summary>
    public const string ClaimName = "io.orchestration.claim.name";

    /// <summary>On a claim's volume: the claim's namespace.</summary>
    public const string ClaimNamespace = "io.orchestration.claim.namespace";

    /// <summary>On a volume: the volume's name in the pod spec.</summary>
    public const string VolumeName = "io.orchestration.volume.name";
}

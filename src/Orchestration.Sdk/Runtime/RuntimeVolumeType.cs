namespace Orchestration.Sdk.Runtime;

/// <summary>The kind of storage behind a <see cref="RuntimeVolume"/>.</summary>
public enum RuntimeVolumeType
{
    /// <summary>A pod's scratch directory (emptyDir): made on first mount, removed with the pod's sandbox.</summary>
    EmptyDir,

    /// <summary>A claim's volume: made on first mount, kept until <see cref="IContainerRuntime.RemoveVolumeAsync"/>.</summary>
    Claim,

    /// <summary>A directory of the node, mounted as is (hostPath).</summary>
    HostPath,
}

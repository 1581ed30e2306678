namespace Orchestration.Sdk.Runtime.InMemory;

/// <summary>The <see cref="IContainerRuntime"/> calls of an <see cref="InMemoryNode"/>, for fault injection and call counts.</summary>
public enum InMemoryOperation
{
    /// <summary><see cref="IContainerRuntime.GetInfoAsync"/> (the node agent's heartbeat).</summary>
    GetInfo,

    /// <summary><see cref="IContainerRuntime.RunPodSandboxAsync"/>.</summary>
    RunPodSandbox,

    /// <summary><see cref="IContainerRuntime.RemovePodSandboxAsync"/>.</summary>
    RemovePodSandbox,

    /// <summary><see cref="IContainerRuntime.ListPodSandboxesAsync"/>.</summary>
    ListPodSandboxes,

    /// <summary><see cref="IContainerRuntime.CreateContainerAsync"/>.</summary>
    CreateContainer,

    /// <summary><see cref="IContainerRuntime.StartContainerAsync"/>.</summary>
    StartContainer,

    /// <summary><see cref="IContainerRuntime.StopContainerAsync"/>.</summary>
    StopContainer,

    /// <summary><see cref="IContainerRuntime.RemoveContainerAsync"/>.</summary>
    RemoveContainer,

    /// <summary><see cref="IContainerRuntime.InspectContainerAsync"/>.</summary>
    InspectContainer,

    /// <summary><see cref="IContainerRuntime.ListContainersAsync"/>.</summary>
    ListContainers,

    /// <summary><see cref="IContainerRuntime.GetLogsAsync"/>.</summary>
    GetLogs,

    /// <summary>Subscribing to <see cref="IContainerRuntime.WatchEventsAsync"/>.</summary>
    WatchEvents,

    /// <summary><see cref="IContainerRuntime.RemoveVolumeAsync"/>.</summary>
    RemoveVolume,
}

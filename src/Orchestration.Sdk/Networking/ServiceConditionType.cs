namespace Orchestration.Sdk.Networking;

/// <summary>The condition types and reasons of a service's status.</summary>
public static class ServiceConditionType
{
    /// <summary>
    /// True when at least one selected pod is Ready and receives traffic (reason <see cref="ReadyEndpointsReason"/>);
    /// False, a warning, when the selector matches no pod (<see cref="NoMatchingPodsReason"/>) or no matching pod is
    /// Ready (<see cref="NoReadyPodsReason"/>).
    /// </summary>
    public const string EndpointsReady = "EndpointsReady";

    /// <summary>At least one ready endpoint.</summary>
    public const string ReadyEndpointsReason = "ReadyEndpoints";

    /// <summary>The selector matches no pod: allowed, but the service has zero endpoints.</summary>
    public const string NoMatchingPodsReason = "NoMatchingPods";

    /// <summary>Pods match the selector, but none of them is Ready.</summary>
    public const string NoReadyPodsReason = "NoReadyPods";

    /// <summary>
    /// For host-reachable services: True when every host port is the service's own (reason <see cref="HostPortsAllocatedReason"/>);
    /// False when an older service already holds one (<see cref="PortAlreadyAllocatedReason"/>, the message names the port and the holder).
    /// </summary>
    public const string HostPortsAllocated = "HostPortsAllocated";

    /// <summary>Every host port is the service's own.</summary>
    public const string HostPortsAllocatedReason = "HostPortsAllocated";

    /// <summary>An older service already holds one of the host ports.</summary>
    public const string PortAlreadyAllocatedReason = "PortAlreadyAllocated";

    /// <summary>
    /// Whether the service proxy listens on every port of the service (on runtimes that run one, such as Docker);
    /// False with <see cref="PortInUseReason"/> names the port and what holds it.
    /// </summary>
    public const string Listening = "Listening";

    /// <summary>The reason of a True <see cref="Listening"/> condition.</summary>
    public const string ListeningReason = "Listening";

    /// <summary>The reason of a False <see cref="Listening"/> condition: an address and port is taken.</summary>
    public const string PortInUseReason = "PortInUse";
}

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
}

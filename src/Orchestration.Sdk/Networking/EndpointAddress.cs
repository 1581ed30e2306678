using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Networking;

/// <summary>One pod behind a service.</summary>
public sealed record EndpointAddress
{
    /// <summary>The pod's name.</summary>
    public required string PodName { get; init; }

    /// <summary>The node the pod runs on.</summary>
    public required string NodeName { get; init; }

    /// <summary>The pod's IP address.</summary>
    public required string IP { get; init; }

    /// <summary>Whether the pod is Ready (true for every entry of <see cref="Endpoints.Addresses"/>).</summary>
    public bool Ready { get; init; }

    /// <summary>The service's ports resolved to this pod's container ports, in the service's port order.</summary>
    public IReadOnlyList<EndpointPort> Ports { get; init => field = ValueCollections.List(value); } = ValueList<EndpointPort>.Empty;
}

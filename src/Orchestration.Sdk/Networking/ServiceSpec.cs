using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Networking;

/// <summary>The desired state of a <see cref="Service"/>.</summary>
public sealed record ServiceSpec
{
    /// <summary>
    /// Labels a pod must carry to be selected. <value>The default value is empty: the service's endpoints are not
    /// managed (Kubernetes' selector-less service).</value>
    /// </summary>
    public IReadOnlyDictionary<string, string> Selector { get; init => field = ValueCollections.Map(value); } = ObjectMeta.EmptyMap;

    /// <summary>The ports; at least one. <value>The default value is empty.</value></summary>
    public IReadOnlyList<ServicePort> Ports { get; init => field = ValueCollections.List(value); } = ValueList<ServicePort>.Empty;

    /// <summary>How the service is exposed. <value>The default value is <see cref="ServiceType.ClusterIP"/>.</value></summary>
    public ServiceType Type { get; init; } = ServiceType.ClusterIP;

    /// <summary>The <see cref="ClusterIP"/> of a headless service: no virtual address, no proxy; its name resolves to the ready pods themselves.</summary>
    public const string ClusterIPNone = "None";

    /// <summary>
    /// The stable virtual address containers see in <c>&lt;NAME&gt;_SERVICE_HOST</c>, or <see cref="ClusterIPNone"/> for a
    /// headless service (each selected pod answers to <c>&lt;pod&gt;.&lt;service&gt;</c>, as a StatefulSet's replicas need).
    /// <value>The default value is null: the endpoints controller allocates one from 10.96.0.0/12.</value>
    /// </summary>
    public string? ClusterIP { get; init; }

    /// <summary>Whether the service is headless (<see cref="ClusterIP"/> is <see cref="ClusterIPNone"/>).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsHeadless => ClusterIP == ClusterIPNone;
}

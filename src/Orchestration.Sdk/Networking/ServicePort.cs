namespace Orchestration.Sdk.Networking;

/// <summary>
/// One port of a service and the container port it forwards to. Two ports are equal when they forward the same way:
/// a <see cref="TargetPort"/> equal to <see cref="Port"/> is the same as none (Kubernetes defaults it to the port and
/// always shows it), so a manifest that spells it out, or a read back from the API, is not a change of spec.
/// </summary>
public sealed record ServicePort
{
    /// <summary>The port's name; required (and unique) when the service has more than one port. <value>The default value is null.</value></summary>
    public string? Name { get; init; }

    /// <summary>The port the service listens on, 1–65535.</summary>
    public required int Port { get; init; }

    /// <summary>The container port number traffic goes to. <value>The default value is null: <see cref="TargetPortName"/>, or else <see cref="Port"/>.</value></summary>
    public int? TargetPort { get; init; }

    /// <summary>The name of the container port traffic goes to, resolved per pod. <value>The default value is null.</value></summary>
    public string? TargetPortName { get; init; }

    /// <summary>The protocol; only "TCP" is supported. <value>The default value is "TCP".</value></summary>
    public string Protocol { get; init; } = "TCP";

    /// <summary>
    /// For <see cref="ServiceType.NodePort"/> services: the stable host port. <value>The default value is null: the
    /// endpoints controller allocates one from 30000–32767, as Kubernetes does.</value>
    /// </summary>
    public int? NodePort { get; init; }

    /// <summary>The container port number traffic goes to when it is given by number, or null when by name.</summary>
    private int? EffectiveTargetPort => TargetPortName is null ? TargetPort ?? Port : TargetPort;

    /// <inheritdoc />
    public bool Equals(ServicePort? other) =>
        other is not null
        && Name == other.Name
        && Port == other.Port
        && EffectiveTargetPort == other.EffectiveTargetPort
        && TargetPortName == other.TargetPortName
        && Protocol == other.Protocol
        && NodePort == other.NodePort;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Port, EffectiveTargetPort, TargetPortName, Protocol, NodePort);
}

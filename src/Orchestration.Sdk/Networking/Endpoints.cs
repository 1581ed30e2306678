using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Networking;

/// <summary>
/// The pods behind a <see cref="Service"/> of the same name, kept by the endpoints controller: the Ready ones in
/// <see cref="Addresses"/>, the others (running but not Ready) in <see cref="NotReadyAddresses"/>. Terminating and
/// finished pods are in neither. Both lists are ordered by pod name.
/// </summary>
public sealed record Endpoints : Resource
{
    /// <summary>The kind name.</summary>
    public const string KindName = "Endpoints";

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <summary>The Ready pods, which receive traffic. <value>The default value is empty.</value></summary>
    public IReadOnlyList<EndpointAddress> Addresses { get; init => field = ValueCollections.List(value); } = ValueList<EndpointAddress>.Empty;

    /// <summary>Selected pods that are not Ready, which receive no traffic. <value>The default value is empty.</value></summary>
    public IReadOnlyList<EndpointAddress> NotReadyAddresses { get; init => field = ValueCollections.List(value); } = ValueList<EndpointAddress>.Empty;

    internal override object? SpecObject => new EndpointsContent(Addresses, NotReadyAddresses);

    internal override object? StatusObject => null;

    internal override Resource WithStatusOf(Resource other) => this;

    private sealed record EndpointsContent(IReadOnlyList<EndpointAddress> Addresses, IReadOnlyList<EndpointAddress> NotReadyAddresses);
}

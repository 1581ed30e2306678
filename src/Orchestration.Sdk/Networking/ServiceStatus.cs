using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Networking;

/// <summary>The observed state of a <see cref="Service"/>.</summary>
public sealed record ServiceStatus
{
    /// <summary>Conditions; the endpoints controller sets <see cref="ServiceConditionType.EndpointsReady"/>. <value>The default value is empty.</value></summary>
    public IReadOnlyList<Condition> Conditions { get; init => field = ValueCollections.List(value); } = ValueList<Condition>.Empty;
}

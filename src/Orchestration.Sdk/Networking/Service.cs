using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Networking;

/// <summary>
/// A stable address for a set of pods, as Kubernetes' Service: a label selector, one or more ports, and whether it
/// is reachable from the host. The endpoints controller keeps an <see cref="Endpoints"/> object of the same name
/// listing the selected pods that are Ready.
/// </summary>
public sealed record Service : Resource
{
    /// <summary>The kind name.</summary>
    public const string KindName = "Service";

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <summary>The desired state.</summary>
    public required ServiceSpec Spec { get; init; }

    /// <summary>The observed state, written by the endpoints controller.</summary>
    public ServiceStatus Status { get; init; } = new();

    internal override object? SpecObject => Spec;

    internal override object? StatusObject => Status;

    internal override Resource WithStatusOf(Resource other) => this with { Status = ((Service)other).Status };
}

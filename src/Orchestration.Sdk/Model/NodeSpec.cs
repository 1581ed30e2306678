namespace Orchestration.Sdk.Model;

/// <summary>The desired state of a node.</summary>
public sealed record NodeSpec
{
    /// <summary>Taints repelling pods that do not tolerate them. <value>The default value is empty.</value></summary>
    public IReadOnlyList<Taint> Taints { get; init => field = ValueCollections.List(value); } = ValueList<Taint>.Empty;

    /// <summary>Cordoned: no new pods are scheduled onto it. <value>The default value is false.</value></summary>
    public bool Unschedulable { get; init; }
}

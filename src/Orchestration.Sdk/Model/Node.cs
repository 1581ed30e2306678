namespace Orchestration.Sdk.Model;

/// <summary>A machine (simulated, or a Docker engine) that runs pods.</summary>
public sealed record Node : Resource
{
    /// <summary>The kind name.</summary>
    public const string KindName = "Node";

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <inheritdoc />
    public override bool IsNamespaced => false;

    /// <summary>The desired state: taints and whether it takes new pods.</summary>
    public NodeSpec Spec { get; init; } = new();

    /// <summary>The observed state, written by the node agent and the node lifecycle controller.</summary>
    public NodeStatus Status { get; init; } = new();

    internal override object? SpecObject => Spec;

    internal override object? StatusObject => Status;

    internal override Resource WithStatusOf(Resource other) => this with { Status = ((Node)other).Status };
}

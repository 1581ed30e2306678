namespace Orchestration.Sdk.Model;

/// <summary>One or more containers scheduled together onto one node, sharing an address.</summary>
public sealed record Pod : Resource
{
    /// <summary>The kind name.</summary>
    public const string KindName = "Pod";

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <summary>The desired state.</summary>
    public required PodSpec Spec { get; init; }

    /// <summary>The observed state, written by the scheduler and the node agent.</summary>
    public PodStatus Status { get; init; } = new();

    internal override object? SpecObject => Spec;

    internal override object? StatusObject => Status;

    internal override Resource WithStatusOf(Resource other) => this with { Status = ((Pod)other).Status };
}

namespace Orchestration.Sdk.Model;

/// <summary>Declares a number of identical pods; managed through one ReplicaSet per template revision.</summary>
public sealed record Deployment : Resource
{
    /// <summary>The kind name.</summary>
    public const string KindName = "Deployment";

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <summary>The desired state.</summary>
    public required DeploymentSpec Spec { get; init; }

    /// <summary>The observed state.</summary>
    public DeploymentStatus Status { get; init; } = new();

    internal override object? SpecObject => Spec;

    internal override object? StatusObject => Status;

    internal override Resource WithStatusOf(Resource other) => this with { Status = ((Deployment)other).Status };
}

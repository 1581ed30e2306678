namespace Orchestration.Sdk.Model;

/// <summary>Keeps a number of pods of one template running; one per Deployment revision.</summary>
public sealed record ReplicaSet : Resource
{
    /// <summary>The kind name.</summary>
    public const string KindName = "ReplicaSet";

    /// <summary>The label holding the hash of the template, added to the selector and the pods.</summary>
    public const string PodTemplateHashLabel = "pod-template-hash";

    /// <summary>The annotation holding the Deployment revision the ReplicaSet belongs to.</summary>
    public const string RevisionAnnotation = "deployment.kubernetes.io/revision";

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <summary>The desired state.</summary>
    public required ReplicaSetSpec Spec { get; init; }

    /// <summary>The observed state.</summary>
    public ReplicaSetStatus Status { get; init; } = new();

    internal override object? SpecObject => Spec;

    internal override object? StatusObject => Status;

    internal override Resource WithStatusOf(Resource other) => this with { Status = ((ReplicaSet)other).Status };
}

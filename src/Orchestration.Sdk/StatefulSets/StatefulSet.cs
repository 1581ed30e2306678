using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.StatefulSets;

/// <summary>
/// Pods with a stable identity (Kubernetes' apps/v1 StatefulSet): pod <c>i</c> is named <c>&lt;set&gt;-&lt;i&gt;</c>, keeps
/// its name and its own claims (<c>&lt;template&gt;-&lt;set&gt;-&lt;i&gt;</c>) when it is replaced, starts after pod
/// <c>i-1</c> is Ready and stops before it (OrderedReady), and is updated from the highest ordinal down.
/// </summary>
public sealed record StatefulSet : Resource
{
    /// <summary>The kind name.</summary>
    public const string KindName = "StatefulSet";

    /// <summary>The pod label holding the revision (template hash) a pod was made from, as Kubernetes'.</summary>
    public const string RevisionLabel = "controller-revision-hash";

    /// <summary>The pod label holding the pod's name, as Kubernetes' (a per-pod service can select on it).</summary>
    public const string PodNameLabel = "statefulset.kubernetes.io/pod-name";

    /// <summary>The pod label holding the pod's ordinal, as Kubernetes'.</summary>
    public const string PodIndexLabel = "apps.kubernetes.io/pod-index";

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <summary>The desired state.</summary>
    public required StatefulSetSpec Spec { get; init; }

    /// <summary>The observed state.</summary>
    public StatefulSetStatus Status { get; init; } = new();

    internal override object? SpecObject => Spec;

    internal override object? StatusObject => Status;

    internal override Resource WithStatusOf(Resource other) => this with { Status = ((StatefulSet)other).Status };
}

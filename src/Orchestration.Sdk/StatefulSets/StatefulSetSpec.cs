using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.StatefulSets;

/// <summary>The desired state of a StatefulSet.</summary>
public sealed record StatefulSetSpec
{
    /// <summary>How many pods (ordinals 0 to replicas-1). <value>The default value is 1.</value></summary>
    public int Replicas { get; init; } = 1;

    /// <summary>Which pods belong to the set; must match the template's labels.</summary>
    public LabelSelector Selector { get; init; } = new();

    /// <summary>The pods to create.</summary>
    public PodTemplateSpec Template { get; init; } = new();

    /// <summary>
    /// The headless service (clusterIP None) that gives each pod a DNS name <c>&lt;pod&gt;.&lt;service&gt;</c>.
    /// <value>The default value is null (no per-pod names).</value>
    /// </summary>
    public string? ServiceName { get; init; }

    /// <summary>Whether pods start and stop one at a time in order, or all at once. <value>The default value is <see cref="PodManagementPolicy.OrderedReady"/>.</value></summary>
    public PodManagementPolicy PodManagementPolicy { get; init; } = PodManagementPolicy.OrderedReady;

    /// <summary>How a template change reaches the pods. <value>The default value is a rolling update with partition 0.</value></summary>
    public StatefulSetUpdateStrategy UpdateStrategy { get; init; } = new();

    /// <summary>
    /// Claims each pod gets, named <c>&lt;template&gt;-&lt;set&gt;-&lt;ordinal&gt;</c> and mounted as the volume of the
    /// template's name. They are created with the pod and never deleted by the set (Kubernetes' default
    /// persistentVolumeClaimRetentionPolicy: Retain when scaled down and when the set is deleted).
    /// <value>The default value is empty.</value>
    /// </summary>
    public IReadOnlyList<PersistentVolumeClaimTemplate> VolumeClaimTemplates { get; init => field = ValueCollections.List(value); } = ValueList<PersistentVolumeClaimTemplate>.Empty;
}

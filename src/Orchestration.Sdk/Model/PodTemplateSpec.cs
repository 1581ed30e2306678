namespace Orchestration.Sdk.Model;

/// <summary>The pods a Deployment or ReplicaSet creates: their labels, annotations and spec.</summary>
public sealed record PodTemplateSpec
{
    /// <summary>Labels given to every pod; must satisfy the owner's selector.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init => field = ValueCollections.Map(value); } = ObjectMeta.EmptyMap;

    /// <summary>Annotations given to every pod.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init => field = ValueCollections.Map(value); } = ObjectMeta.EmptyMap;

    /// <summary>The pod spec.</summary>
    public PodSpec Spec { get; init; } = new();
}

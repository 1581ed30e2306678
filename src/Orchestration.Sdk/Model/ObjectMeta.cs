namespace Orchestration.Sdk.Model;

/// <summary>Metadata every object carries, as Kubernetes' ObjectMeta.</summary>
public sealed record ObjectMeta
{
    /// <summary>The object's name, unique per kind and namespace; a DNS-1123 label for most kinds.</summary>
    public required string Name { get; init; }

    /// <summary>The namespace. <value>The default value is "default"; empty for cluster-scoped kinds such as Node.</value></summary>
    public string Namespace { get; init; } = "default";

    /// <summary>Labels used by selectors. <value>The default value is empty.</value></summary>
    public IReadOnlyDictionary<string, string> Labels { get; init => field = ValueCollections.Map(value); } = EmptyMap;

    /// <summary>Annotations: non-identifying data. <value>The default value is empty.</value></summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init => field = ValueCollections.Map(value); } = EmptyMap;

    /// <summary>A unique id assigned by the store on create.</summary>
    public string Uid { get; init; } = string.Empty;

    /// <summary>The store version of this object's last write; updates must carry the current value.</summary>
    public long ResourceVersion { get; init; }

    /// <summary>Incremented by the store each time the spec changes. Starts at 1.</summary>
    public long Generation { get; init; }

    /// <summary>When the store created the object.</summary>
    public DateTimeOffset CreationTimestamp { get; init; }

    /// <summary>Set when a graceful delete has begun; the object disappears once its owner has finished.</summary>
    public DateTimeOffset? DeletionTimestamp { get; init; }

    /// <summary>The objects that own this one; when every owner is gone the garbage collector deletes it.</summary>
    public IReadOnlyList<OwnerReference> OwnerReferences { get; init => field = ValueCollections.List(value); } = ValueList<OwnerReference>.Empty;

    /// <summary>
    /// Steps that must finish before a deleting object is removed, as Kubernetes' finalizers: the garbage collector
    /// adds <see cref="WellKnownFinalizers.ForegroundDeletion"/> to an owner deleted in the foreground and removes the
    /// object once its blocking dependents are gone. <value>The default value is empty.</value>
    /// </summary>
    public IReadOnlyList<string> Finalizers { get; init => field = ValueCollections.List(value); } = ValueList<string>.Empty;

    internal static readonly IReadOnlyDictionary<string, string> EmptyMap = ValueMap<string>.Empty;

    /// <summary>The owner reference that is the managing controller, if any.</summary>
    public OwnerReference? Controller => OwnerReferences.FirstOrDefault(o => o.Controller);
}

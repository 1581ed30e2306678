namespace Orchestration.Sdk.Model;

/// <summary>The base of every stored object: a kind, metadata, and (in derived types) spec and status.</summary>
public abstract record Resource
{
    /// <summary>The kind name ("Pod", "Deployment", …).</summary>
    public abstract string Kind { get; }

    /// <summary>Whether objects of this kind live in a namespace. <value>The default value is true.</value></summary>
    public virtual bool IsNamespaced => true;

    /// <summary>The object's metadata.</summary>
    public required ObjectMeta Metadata { get; init; }

    /// <summary>The object's key: kind, namespace and name.</summary>
    public ObjectKey Key => new(Kind, IsNamespaced ? Metadata.Namespace : string.Empty, Metadata.Name);

    /// <summary>Returns a copy with other metadata.</summary>
    /// <param name="metadata">The new metadata.</param>
    public Resource WithMetadata(ObjectMeta metadata) => this with { Metadata = metadata };

    /// <summary>The spec part of the object, used to decide whether a write changes the generation.</summary>
    internal abstract object? SpecObject { get; }

    /// <summary>The status part of the object.</summary>
    internal abstract object? StatusObject { get; }

    /// <summary>Returns a copy whose status is taken from <paramref name="other"/>.</summary>
    internal abstract Resource WithStatusOf(Resource other);

    /// <inheritdoc />
    public override string ToString() => $"{Kind}/{Key.Display}";
}

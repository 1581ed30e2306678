using System.Text.Json.Serialization.Metadata;
using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Kinds;

/// <summary>
/// Everything the system knows about one kind, as kube-apiserver's registry strategy: its names and API group,
/// its scope, how objects are prepared and validated on create, update and status update, and how a table prints
/// them. The store applies the rule on every write, whichever path the write comes from. This is the untyped view
/// the store and an HTTP API use; write a rule by deriving from <see cref="KindRule{T}"/>.
/// </summary>
public abstract class KindRule
{
    private protected KindRule()
    {
    }

    /// <summary>The kind name, in PascalCase: "Deployment".</summary>
    public abstract string Kind { get; }

    /// <summary>The resource name used in API paths: "deployments".</summary>
    public abstract string Plural { get; }

    /// <summary>The singular resource name. <value>The default value is the kind in lower case.</value></summary>
    public virtual string Singular => Kind.ToLowerInvariant();

    /// <summary>The short names kubectl accepts ("deploy"). <value>The default value is empty.</value></summary>
    public virtual IReadOnlyList<string> ShortNames => [];

    /// <summary>Whether objects of the kind live in a namespace. <value>The default value is true.</value></summary>
    public virtual bool Namespaced => true;

    /// <summary>The API group: "" for the core group, "apps", "autoscaling". <value>The default value is "" (core).</value></summary>
    public virtual string Group => string.Empty;

    /// <summary>The API version within the group. <value>The default value is "v1".</value></summary>
    public virtual string Version => "v1";

    /// <summary>The apiVersion field's value: "v1" for the core group, "apps/v1" otherwise.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The .NET type of the kind's objects.</summary>
    public abstract Type ClrType { get; }

    /// <summary>
    /// The JSON contract of the kind's objects (of type <see cref="ClrType"/>), with which the store writes them to its
    /// file and apply merges them. Source-generated for the built-in kinds, so the SDK runs trimmed and under native AOT.
    /// </summary>
    public abstract JsonTypeInfo JsonTypeInfo { get; }

    /// <summary>Whether the kind has a status written apart from its spec (a status subresource). <value>The default value is true.</value></summary>
    public virtual bool HasStatus => true;

    /// <summary>
    /// Whether objects of the kind can be dependents the garbage collector deletes once all their owners are gone.
    /// <value>The default value is false.</value>
    /// </summary>
    public virtual bool GarbageCollected => false;

    /// <summary>The columns of the kind's table, as <c>kubectl get</c> prints them. <value>The default value is Name and Age.</value></summary>
    public virtual IReadOnlyList<TableColumn> PrintColumns { get; } = [TableColumn.NameColumn, TableColumn.AgeColumn];

    /// <summary>Normalizes a new object before it is validated and stored.</summary>
    /// <param name="obj">The object to create.</param>
    /// <returns>The object to validate and store.</returns>
    public abstract Resource PrepareForCreate(Resource obj);

    /// <summary>Merges a spec update over the stored object: what the writer may not change (the status) is kept.</summary>
    /// <param name="next">The object written.</param>
    /// <param name="current">The stored object.</param>
    /// <returns>The object to validate and store.</returns>
    public abstract Resource PrepareForUpdate(Resource next, Resource current);

    /// <summary>Merges a status update over the stored object: only the status is taken from <paramref name="next"/>.</summary>
    /// <param name="next">The object written.</param>
    /// <param name="current">The stored object.</param>
    /// <returns>The object to validate and store.</returns>
    public abstract Resource PrepareForStatusUpdate(Resource next, Resource current);

    /// <summary>Validates a new object.</summary>
    /// <param name="obj">The prepared object.</param>
    /// <returns>Every field error, with paths rooted at the object (<c>deployments[web].spec.replicas</c>); empty when valid.</returns>
    public abstract IReadOnlyList<ValidationError> ValidateCreate(Resource obj);

    /// <summary>Validates a spec update.</summary>
    /// <param name="next">The prepared object.</param>
    /// <param name="current">The stored object.</param>
    /// <returns>Every field error; empty when valid.</returns>
    public abstract IReadOnlyList<ValidationError> ValidateUpdate(Resource next, Resource current);

    /// <summary>Validates a status update.</summary>
    /// <param name="next">The prepared object.</param>
    /// <param name="current">The stored object.</param>
    /// <returns>Every field error; empty when valid.</returns>
    public abstract IReadOnlyList<ValidationError> ValidateStatusUpdate(Resource next, Resource current);

    /// <summary>
    /// Validates an object of a declaration, whose namespace the declaration checks once for all its objects.
    /// </summary>
    internal virtual IReadOnlyList<ValidationError> ValidateDeclared(Resource obj) => ValidateCreate(obj);

    /// <inheritdoc />
    public override string ToString() => $"{Plural}.{(Group.Length == 0 ? Version : $"{Version}.{Group}")}";
}

using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Kinds;

/// <summary>
/// The rule of one kind, typed. Override what the kind needs; by default an update keeps the stored status, a
/// status update keeps the stored spec and metadata, and every object is valid.
/// </summary>
/// <typeparam name="T">The kind's record type.</typeparam>
public abstract class KindRule<T> : KindRule
    where T : Resource
{
    /// <summary>A rule whose objects are (de)serialized with <paramref name="jsonTypeInfo"/>: trim- and AOT-safe.</summary>
    /// <param name="jsonTypeInfo">The kind's JSON contract, from a <see cref="System.Text.Json.Serialization.JsonSerializerContext"/> (<c>MyJsonContext.Default.Website</c>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="jsonTypeInfo"/> is null.</exception>
    protected KindRule(JsonTypeInfo<T> jsonTypeInfo)
    {
        ArgumentNullException.ThrowIfNull(jsonTypeInfo);
        TypedJsonTypeInfo = jsonTypeInfo;
    }

    /// <summary>A rule whose objects are (de)serialized by reflection, with System.Text.Json's default options.</summary>
    [RequiresUnreferencedCode(ReflectionJson.Message)]
    [RequiresDynamicCode(ReflectionJson.Message)]
    protected KindRule()
        : this((JsonTypeInfo<T>)JsonSerializerOptions.Default.GetTypeInfo(typeof(T)))
    {
    }

    /// <inheritdoc />
    public override Type ClrType => typeof(T);

    /// <inheritdoc />
    public sealed override JsonTypeInfo JsonTypeInfo => TypedJsonTypeInfo;

    /// <summary>The kind's JSON contract, typed.</summary>
    public JsonTypeInfo<T> TypedJsonTypeInfo { get; }

    /// <summary>Normalizes a new object. <value>The default implementation returns it unchanged.</value></summary>
    /// <param name="obj">The object to create.</param>
    /// <returns>The object to validate and store.</returns>
    public virtual T PrepareForCreate(T obj) => obj;

    /// <summary>Keeps what a spec update may not change. <value>The default implementation keeps the stored status.</value></summary>
    /// <param name="next">The object written.</param>
    /// <param name="current">The stored object.</param>
    /// <returns>The object to validate and store.</returns>
    public virtual T PrepareForUpdate(T next, T current)
    {
        ArgumentNullException.ThrowIfNull(next);
        return HasStatus ? (T)next.WithStatusOf(current) : next;
    }

    /// <summary>Takes only the status of a status update. <value>The default implementation keeps the stored spec and metadata.</value></summary>
    /// <param name="next">The object written.</param>
    /// <param name="current">The stored object.</param>
    /// <returns>The object to validate and store.</returns>
    public virtual T PrepareForStatusUpdate(T next, T current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return (T)current.WithStatusOf(next);
    }

    /// <summary>Validates a new object. <value>The default implementation finds no error.</value></summary>
    /// <param name="obj">The prepared object.</param>
    /// <returns>Every field error; empty when valid.</returns>
    public virtual IReadOnlyList<ValidationError> ValidateCreate(T obj) => [];

    /// <summary>Validates a spec update. <value>The default implementation validates <paramref name="next"/> as on create.</value></summary>
    /// <param name="next">The prepared object.</param>
    /// <param name="current">The stored object.</param>
    /// <returns>Every field error; empty when valid.</returns>
    public virtual IReadOnlyList<ValidationError> ValidateUpdate(T next, T current) => ValidateCreate(next);

    /// <summary>Validates a status update. <value>The default implementation finds no error.</value></summary>
    /// <param name="next">The prepared object.</param>
    /// <param name="current">The stored object.</param>
    /// <returns>Every field error; empty when valid.</returns>
    public virtual IReadOnlyList<ValidationError> ValidateStatusUpdate(T next, T current) => [];

    /// <inheritdoc />
    public sealed override Resource PrepareForCreate(Resource obj) => PrepareForCreate(Cast(obj));

    /// <inheritdoc />
    public sealed override Resource PrepareForUpdate(Resource next, Resource current) => PrepareForUpdate(Cast(next), Cast(current));

    /// <inheritdoc />
    public sealed override Resource PrepareForStatusUpdate(Resource next, Resource current) => PrepareForStatusUpdate(Cast(next), Cast(current));

    /// <inheritdoc />
    public sealed override IReadOnlyList<ValidationError> ValidateCreate(Resource obj) => ValidateCreate(Cast(obj));

    /// <inheritdoc />
    public sealed override IReadOnlyList<ValidationError> ValidateUpdate(Resource next, Resource current) => ValidateUpdate(Cast(next), Cast(current));

    /// <inheritdoc />
    public sealed override IReadOnlyList<ValidationError> ValidateStatusUpdate(Resource next, Resource current) => ValidateStatusUpdate(Cast(next), Cast(current));

    /// <summary>A typed column of this kind's table.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="type">The OpenAPI type of the cell.</param>
    /// <param name="description">What the column shows.</param>
    /// <param name="value">Computes the cell.</param>
    /// <param name="priority">0 for a default column, 1 for wide only. <value>The default value is 0.</value></param>
    /// <returns>The column.</returns>
    protected static TableColumn Column(string name, string type, string description, Func<T, object?> value, int priority = 0) =>
        TableColumn.For(name, type, description, value, priority);

    private T Cast(Resource obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return obj as T ?? throw new ArgumentException($"{Kind} rule was given a {obj.GetType().Name}", nameof(obj));
    }
}

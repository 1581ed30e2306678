using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Kinds.Custom;

/// <summary>The base of a user-defined kind: a resource with a spec and a status, stored and watched like a built-in kind.</summary>
/// <typeparam name="TSpec">The desired state.</typeparam>
/// <typeparam name="TStatus">The observed state, written through the status subresource.</typeparam>
public abstract record CustomResource<TSpec, TStatus> : Resource
    where TSpec : class
    where TStatus : class, new()
{
    /// <summary>Gets the kind name.</summary>
    /// <value>The default value is the CLR type name.</value>
    public override string Kind => GetType().Name;

    /// <summary>Gets the desired state.</summary>
    public required TSpec Spec { get; init; }

    /// <summary>Gets the observed state.</summary>
    /// <value>The default value is a new <typeparamref name="TStatus"/>.</value>
    public TStatus Status { get; init; } = new();

    internal override object? SpecObject => Spec;

    internal override object? StatusObject => Status;

    internal override Resource WithStatusOf(Resource other) => this with { Status = ((CustomResource<TSpec, TStatus>)other).Status };
}

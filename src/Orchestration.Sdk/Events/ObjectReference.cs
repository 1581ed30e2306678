namespace Orchestration.Sdk.Events;

/// <summary>The object an event is about, as Kubernetes' core/v1 ObjectReference.</summary>
public sealed record ObjectReference
{
    /// <summary>The kind of the object ("Pod", "Deployment", …).</summary>
    public required string Kind { get; init; }

    /// <summary>The object's namespace. <value>The default value is empty (a cluster-scoped object, such as a Node).</value></summary>
    public string Namespace { get; init; } = string.Empty;

    /// <summary>The object's name.</summary>
    public required string Name { get; init; }

    /// <summary>The object's uid. <value>The default value is empty.</value></summary>
    public string Uid { get; init; } = string.Empty;

    /// <summary>The group/version of the object's kind ("v1", "apps/v1"). <value>The default value is "v1".</value></summary>
    public string ApiVersion { get; init; } = "v1";

    /// <summary>The object's resourceVersion when the event was recorded. <value>The default value is empty.</value></summary>
    public string ResourceVersion { get; init; } = string.Empty;

    /// <summary>
    /// The part of the object the event is about, as Kubernetes writes it: <c>spec.containers{web}</c> for a
    /// container. <value>The default value is null (the whole object).</value>
    /// </summary>
    public string? FieldPath { get; init; }
}

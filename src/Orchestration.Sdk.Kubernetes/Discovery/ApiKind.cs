using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Kubernetes.Discovery;

/// <summary>One kind as the API serves it: names, group/version, scope, verbs, and the mapping to its wire type.</summary>
/// <param name="Kind">The kind ("Deployment").</param>
/// <param name="Plural">The resource name in URLs ("deployments").</param>
/// <param name="ShortNames">kubectl's short names ("deploy").</param>
/// <param name="Group">The API group; empty for core.</param>
/// <param name="Version">The API version ("v1").</param>
/// <param name="Namespaced">Whether objects live in a namespace.</param>
/// <param name="WireType">The k8s.Models type of the object.</param>
/// <param name="ToWire">Maps a stored object to its wire object.</param>
/// <param name="FromWire">Maps a wire object to the SDK model.</param>
/// <param name="Writable">Whether create, update and delete are served.</param>
/// <param name="HasStatus">Whether the status subresource is served.</param>
/// <param name="HasScale">Whether the scale subresource is served.</param>
internal sealed record ApiKind(
    string Kind,
    string Plural,
    string[] ShortNames,
    string Group,
    string Version,
    bool Namespaced,
    Type WireType,
    Func<Resource, object> ToWire,
    Func<object, Resource> FromWire,
    bool Writable = true,
    bool HasStatus = false,
    bool HasScale = false)
{
    /// <summary>"apps/v1" or "v1".</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The singular resource name ("deployment").</summary>
    public string Singular => Kind.ToLowerInvariant();

    /// <summary>"deployments.apps" or "pods": how Kubernetes names the resource in messages.</summary>
    public string QualifiedResource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>"Deployment.apps" or "Pod": how Kubernetes names the kind in Invalid messages.</summary>
    public string QualifiedKind => Group.Length == 0 ? Kind : $"{Kind}.{Group}";

    /// <summary>The verbs discovery lists.</summary>
    public string[] Verbs => Writable
        ? ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]
        : ["get", "list", "watch"];

    /// <summary>Whether objects come from the SDK's store (the fixed Namespaces do not).</summary>
    public bool Stored => Writable || Kind is Node.KindName or "Endpoints" or Orchestration.Sdk.Events.Event.KindName;
}

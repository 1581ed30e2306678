using Orchestration.Sdk.Kinds.Custom;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Kubernetes.Discovery;

/// <summary>
/// A namespace as the API lists it. The SDK has no Namespace kind yet, so the API serves a fixed set
/// (<see cref="Names"/>); this type lets them flow through the same list, table and watch paths as stored objects.
/// </summary>
internal sealed record ApiNamespace : CustomResource<ApiNamespace.NamespaceSpec, ApiNamespace.NamespaceStatus>
{
    /// <summary>The namespaces served.</summary>
    public static readonly IReadOnlyList<string> Names = ["default", "kube-system", "kube-public"];

    /// <inheritdoc />
    public override string Kind => "Namespace";

    /// <inheritdoc />
    public override bool IsNamespaced => false;

    /// <summary>A namespace has no spec the SDK keeps.</summary>
    internal sealed record NamespaceSpec;

    /// <summary>Every served namespace is Active.</summary>
    internal sealed record NamespaceStatus;

    /// <summary>The fixed namespaces, created when the API started.</summary>
    public static IReadOnlyList<ApiNamespace> All(DateTimeOffset started) =>
        Names.Select(n => new ApiNamespace { Spec = new NamespaceSpec(), Metadata = new ObjectMeta { Name = n, Namespace = string.Empty, ResourceVersion = 1, CreationTimestamp = started, Uid = $"namespace-{n}" } }).ToList();
}

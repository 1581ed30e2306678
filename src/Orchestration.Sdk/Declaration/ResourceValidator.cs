using Orchestration.Sdk.Kinds;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Declaration;

/// <summary>
/// Validates model objects before they are applied, with their kind's <see cref="KindRule"/> (the same rules the
/// store enforces on every write). Every problem is reported, each with its field path rooted at the object:
/// <c>deployments[web].spec.replicas</c>, <c>pods[db].spec.containers[0].image</c>.
/// </summary>
/// <remarks>
/// Names follow Kubernetes: Deployments, ReplicaSets, Pods, ConfigMaps, Secrets and Nodes are DNS-1123 subdomains
/// (dots allowed, at most 253 characters); Services are DNS-1035 labels. Names derived from a long name are cut as
/// Kubernetes cuts them: a ReplicaSet's pods are named <c>generateName</c>-style (the prefix cut to 58 characters, then
/// 5 random ones) and a pod's host name is its name cut to 63 characters. A declared workload's primary container and
/// <c>app</c> label are derived from its name so that they stay a DNS-1123 label and a label value.
/// </remarks>
internal static class ResourceValidator
{
    /// <summary>Validates an object, namespace included.</summary>
    /// <param name="resource">The object.</param>
    /// <returns>Every problem found; empty when the object is valid.</returns>
    public static IReadOnlyList<ValidationError> Validate(Resource resource) => Validate(resource, validateNamespace: true);

    /// <summary>Validates an object with the built-in kinds' rules.</summary>
    /// <param name="resource">The object.</param>
    /// <param name="validateNamespace">Whether to check the namespace (a declaration checks its namespace once).</param>
    /// <returns>Every problem found; empty when the object is valid.</returns>
    public static IReadOnlyList<ValidationError> Validate(Resource resource, bool validateNamespace) =>
        Validate(KindRegistry.BuiltIn, resource, validateNamespace);

    /// <summary>Validates an object with its kind's rule in <paramref name="registry"/>.</summary>
    /// <param name="registry">The kinds.</param>
    /// <param name="resource">The object.</param>
    /// <param name="validateNamespace">Whether to check the namespace (a declaration checks its namespace once).</param>
    /// <returns>Every problem found; empty when the object is valid.</returns>
    public static IReadOnlyList<ValidationError> Validate(KindRegistry registry, Resource resource, bool validateNamespace)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(resource);
        var rule = registry.Get(resource.Kind);
        return validateNamespace ? rule.ValidateCreate(resource) : rule.ValidateDeclared(resource);
    }
}

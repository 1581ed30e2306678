using Orchestration.Sdk.Kinds;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Declaration;

/// <summary>
/// Validates model objects before they are applied, with their kind's <see cref="KindRule"/> (the same rules the
/// store enforces on every write). Every problem is reported, each with its field path rooted at the object:
/// <c>deployments[web].spec.replicas</c>, <c>pods[db].spec.containers[0].image</c>.
/// </summary>
/// <remarks>
/// Names: Deployments and Pods must be DNS-1123 labels (at most 63 characters). Kubernetes allows DNS-1123 subdomains
/// for both, but a Deployment's name becomes the <c>app</c> label value of its pods and the prefix of their generated
/// names, which must both fit 63 characters; the label rule keeps that simple. ReplicaSets (whose generated names add
/// a hash to the Deployment's) and Nodes keep Kubernetes' subdomain rule.
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

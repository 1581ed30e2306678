using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Declaration;

/// <summary>
/// Validates model objects before they are applied, with Kubernetes' rules and words. Every problem is reported,
/// each with its field path rooted at the object: <c>deployments[web].spec.replicas</c>,
/// <c>pods[db].spec.containers[0].image</c>.
/// </summary>
/// <remarks>
/// Names: Deployments and Pods must be DNS-1123 labels (at most 63 characters). Kubernetes allows DNS-1123 subdomains
/// for both, but a Deployment's name becomes the <c>app</c> label value of its pods and the prefix of their generated
/// names, which must both fit 63 characters; the label rule keeps that simple. ReplicaSets (whose generated names add
/// a hash to the Deployment's) and Nodes keep Kubernetes' subdomain rule. Kinds without rules here validate as valid.
/// </remarks>
internal static class ResourceValidator
{
    /// <summary>Validates an object, namespace included.</summary>
    /// <param name="resource">The object.</param>
    /// <returns>Every problem found; empty when the object is valid.</returns>
    public static IReadOnlyList<ValidationError> Validate(Resource resource) => Validate(resource, validateNamespace: true);

    /// <summary>Validates an object.</summary>
    /// <param name="resource">The object.</param>
    /// <param name="validateNamespace">Whether to check the namespace (a declaration checks its namespace once).</param>
    /// <returns>Every problem found; empty when the object is valid.</returns>
    public static IReadOnlyList<ValidationError> Validate(Resource resource, bool validateNamespace)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var errors = new List<ValidationError>();
        var root = FieldPath.Of(resource);
        var checkNamespace = validateNamespace && resource.IsNamespaced;
        switch (resource)
        {
            case Pod pod:
                MetadataValidator.Validate(pod.Metadata, root.Child("metadata"), NameRules.Dns1123Label, checkNamespace, errors);
                PodSpecValidator.Validate(pod.Spec, root.Child("spec"), errors);
                break;
            case Deployment deployment:
                MetadataValidator.Validate(deployment.Metadata, root.Child("metadata"), NameRules.Dns1123Label, checkNamespace, errors);
                ValidateDeploymentSpec(deployment.Spec, root.Child("spec"), errors);
                break;
            case ReplicaSet replicaSet:
                MetadataValidator.Validate(replicaSet.Metadata, root.Child("metadata"), NameRules.Dns1123Subdomain, checkNamespace, errors);
                ValidateReplicas(replicaSet.Spec.Replicas, replicaSet.Spec.Selector, replicaSet.Spec.Template, root.Child("spec"), errors);
                break;
            case Node node:
                MetadataValidator.Validate(node.Metadata, root.Child("metadata"), NameRules.Dns1123Subdomain, validateNamespace: false, errors);
                NodeValidator.Validate(node, root, errors);
                break;
            case Networking.Service service:
                Networking.ServiceValidator.Validate(service, root, checkNamespace, errors);
                break;
            case Configuration.ConfigMap configMap:
                MetadataValidator.Validate(configMap.Metadata, root.Child("metadata"), NameRules.Dns1123Subdomain, checkNamespace, errors);
                Configuration.ConfigDataValidator.Validate(configMap, root, errors);
                break;
            case Configuration.Secret secret:
                MetadataValidator.Validate(secret.Metadata, root.Child("metadata"), NameRules.Dns1123Subdomain, checkNamespace, errors);
                Configuration.ConfigDataValidator.Validate(secret, root, errors);
                break;
            case Autoscaling.HorizontalPodAutoscaler hpa:
                Autoscaling.HorizontalPodAutoscalerValidator.Validate(hpa, root, checkNamespace, errors);
                break;
            default:
                break;
        }

        return errors;
    }

    private static void ValidateDeploymentSpec(DeploymentSpec spec, FieldPath path, List<ValidationError> errors)
    {
        ValidateReplicas(spec.Replicas, spec.Selector, spec.Template, path, errors);
        MetadataValidator.ValidateNonNegative(spec.RevisionHistoryLimit, path.Child("revisionHistoryLimit"), errors);
        DeploymentStrategyValidator.Validate(spec, path, errors);
    }

    /// <summary>What Deployments and ReplicaSets share: replicas, selector, and a pod template the selector matches.</summary>
    private static void ValidateReplicas(int replicas, LabelSelector? selector, PodTemplateSpec? template, FieldPath path, List<ValidationError> errors)
    {
        MetadataValidator.ValidateNonNegative(replicas, path.Child("replicas"), errors);
        var matchLabels = selector?.MatchLabels ?? ObjectMeta.EmptyMap;
        if (matchLabels.Count == 0)
        {
            errors.Add(FieldErrors.Required(path.Child("selector")));
        }
        else
        {
            MetadataValidator.ValidateLabels(matchLabels, path.Child("selector", "matchLabels"), errors);
        }

        var templatePath = path.Child("template");
        if (template is null)
        {
            errors.Add(FieldErrors.Required(templatePath));
            return;
        }

        var templateLabels = template.Labels ?? ObjectMeta.EmptyMap;
        if (matchLabels.Count > 0 && !LabelSelector.Of(matchLabels).Matches(templateLabels))
        {
            errors.Add(FieldErrors.Invalid(templatePath.Child("metadata", "labels"), templateLabels, "`selector` does not match template `labels`"));
        }

        MetadataValidator.ValidateLabels(templateLabels, templatePath.Child("metadata", "labels"), errors);
        MetadataValidator.ValidateAnnotations(template.Annotations, templatePath.Child("metadata", "annotations"), errors);
        var spec = template.Spec ?? new PodSpec();
        PodSpecValidator.Validate(spec, templatePath.Child("spec"), errors);
        if (spec.RestartPolicy != RestartPolicy.Always)
        {
            errors.Add(FieldErrors.NotSupported(templatePath.Child("spec", "restartPolicy"), spec.RestartPolicy.ToString(), nameof(RestartPolicy.Always)));
        }
    }
}

using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Kinds.BuiltIn;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Storage;

namespace Orchestration.Sdk.StatefulSets;

/// <summary>Kubernetes' ValidateStatefulSetSpec and ValidateStatefulSetUpdate, for the fields this model has.</summary>
internal static class StatefulSetValidator
{
    public static void Validate(StatefulSet set, FieldPath root, List<ValidationError> errors)
    {
        var spec = set.Spec;
        var path = root.Child("spec");

        // The template is checked with the claim templates as its volumes, which is what its pods get.
        var template = spec.Template ?? new PodTemplateSpec();
        var claims = spec.VolumeClaimTemplates ?? [];
        var withClaims = template with
        {
            Spec = (template.Spec ?? new PodSpec()) with
            {
                Volumes = [.. (template.Spec?.Volumes ?? []).Where(v => claims.All(c => c.Name != v.Name)),
                    .. claims.Where(c => !string.IsNullOrEmpty(c.Name)).Select(c => new Volume { Name = c.Name, PersistentVolumeClaim = new PersistentVolumeClaimVolumeSource { ClaimName = c.Name } })],
            },
        };
        WorkloadSpecValidator.Validate(spec.Replicas, spec.Selector, withClaims, path, errors);
        if (spec.ServiceName is { Length: > 0 } service)
        {
            errors.AddRange(NameRules.Dns1123Label(service).Select(m => FieldErrors.Invalid(path.Child("serviceName"), service, m)));
        }

        if (!Enum.IsDefined(spec.PodManagementPolicy))
        {
            errors.Add(FieldErrors.NotSupported(path.Child("podManagementPolicy"), spec.PodManagementPolicy.ToString(), Enum.GetNames<PodManagementPolicy>()));
        }

        var strategy = spec.UpdateStrategy ?? new StatefulSetUpdateStrategy();
        if (!Enum.IsDefined(strategy.Type))
        {
            errors.Add(FieldErrors.NotSupported(path.Child("updateStrategy", "type"), strategy.Type.ToString(), Enum.GetNames<StatefulSetUpdateStrategyType>()));
        }

        MetadataValidator.ValidateNonNegative(strategy.Partition, path.Child("updateStrategy", "rollingUpdate").Child("partition"), errors);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < claims.Count; i++)
        {
            var at = path.Child("volumeClaimTemplates").Index(i);
            var name = claims[i].Name ?? string.Empty;
            if (name.Length == 0)
            {
                errors.Add(FieldErrors.Required(at.Child("metadata", "name")));
            }
            else if (NameRules.Dns1123Label(name) is { Count: > 0 } messages)
            {
                errors.AddRange(messages.Select(m => FieldErrors.Invalid(at.Child("metadata", "name"), name, m)));
            }
            else if (!names.Add(name))
            {
                errors.Add(FieldErrors.Duplicate(at.Child("metadata", "name"), name));
            }

            PersistentVolumeClaimValidator.ValidateSpec(claims[i].Spec ?? new PersistentVolumeClaimSpec(), at.Child("spec"), errors);
        }
    }

    /// <summary>As ValidateStatefulSetUpdate: only replicas, template and updateStrategy may change.</summary>
    public static void ValidateUpdate(StatefulSet next, StatefulSet current, FieldPath root, List<ValidationError> errors)
    {
        var changeable = current.Spec with { Replicas = next.Spec.Replicas, Template = next.Spec.Template, UpdateStrategy = next.Spec.UpdateStrategy };
        if (next.Spec != changeable)
        {
            errors.Add(FieldErrors.Forbidden(root.Child("spec"),
                "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"));
        }
    }
}

using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Declaration;

/// <summary>Validates a node's taints and its capacity and allocatable amounts, as Kubernetes' ValidateNode.</summary>
internal static class NodeValidator
{
    public static void Validate(Node node, FieldPath root, List<ValidationError> errors)
    {
        ValidateTaints(node.Spec?.Taints ?? [], root.Child("spec", "taints"), errors);
        var status = node.Status ?? new NodeStatus();
        ValidateResources(status.Capacity, root.Child("status", "capacity"), errors);
        ValidateResources(status.Allocatable, root.Child("status", "allocatable"), errors);
    }

    private static void ValidateResources(NodeResources? resources, FieldPath path, List<ValidationError> errors)
    {
        if (resources is null)
        {
            return;
        }

        MetadataValidator.ValidateNonNegative(resources.Cpu, path.Key("cpu"), errors);
        MetadataValidator.ValidateNonNegative(resources.Memory, path.Key("memory"), errors);
        MetadataValidator.ValidateNonNegative(resources.Pods, path.Key("pods"), errors);
    }

    private static void ValidateTaints(IReadOnlyList<Taint> taints, FieldPath path, List<ValidationError> errors)
    {
        var seen = new HashSet<(string Key, TaintEffect Effect)>();
        for (var i = 0; i < taints.Count; i++)
        {
            var taint = taints[i];
            var at = path.Index(i);
            var key = taint.Key ?? string.Empty;
            var value = taint.Value ?? string.Empty;
            errors.AddRange(NameRules.LabelKey(key).Select(m => FieldErrors.Invalid(at.Child("key"), key, m)));
            var valueMessages = NameRules.LabelValue(value);
            if (valueMessages.Count > 0)
            {
                errors.Add(FieldErrors.Invalid(at.Child("value"), value, string.Join(";", valueMessages)));
            }

            if (!Enum.IsDefined(taint.Effect))
            {
                errors.Add(FieldErrors.NotSupported(at.Child("effect"), taint.Effect.ToString(), PodSpecValidator.Names<TaintEffect>()));
            }

            if (!seen.Add((key, taint.Effect)))
            {
                errors.Add(FieldErrors.Duplicate(at, taint.ToString(), "taints must be unique by key and effect pair"));
            }
        }
    }
}

using System.Text;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Declaration;

/// <summary>Validates object metadata, labels and annotations as Kubernetes' ValidateObjectMeta does.</summary>
internal static class MetadataValidator
{
    /// <summary>Kubernetes' limit on the total size of an object's annotations (256 KiB).</summary>
    public const int TotalAnnotationSizeLimitBytes = 256 * 1024;

    /// <summary>Validates name, namespace, labels and annotations.</summary>
    /// <param name="meta">The metadata.</param>
    /// <param name="path">The path of the metadata field.</param>
    /// <param name="nameRule">The rule the name must satisfy (label or subdomain).</param>
    /// <param name="validateNamespace">Whether to check the namespace (false for cluster-scoped kinds).</param>
    /// <param name="errors">Where errors go.</param>
    public static void Validate(ObjectMeta meta, FieldPath path, Func<string, List<string>> nameRule, bool validateNamespace, List<ValidationError> errors)
    {
        var name = meta.Name ?? string.Empty;
        if (name.Length == 0)
        {
            errors.Add(FieldErrors.Required(path.Child("name"), "name or generateName is required"));
        }
        else
        {
            errors.AddRange(nameRule(name).Select(m => FieldErrors.Invalid(path.Child("name"), name, m)));
        }

        if (validateNamespace)
        {
            ValidateNamespace(meta.Namespace, path.Child("namespace"), errors);
        }

        ValidateLabels(meta.Labels, path.Child("labels"), errors);
        ValidateAnnotations(meta.Annotations, path.Child("annotations"), errors);
    }

    /// <summary>A namespace name is a DNS-1123 label.</summary>
    public static void ValidateNamespace(string? ns, FieldPath path, List<ValidationError> errors)
    {
        if (string.IsNullOrEmpty(ns))
        {
            errors.Add(FieldErrors.Required(path));
            return;
        }

        errors.AddRange(NameRules.Dns1123Label(ns).Select(m => FieldErrors.Invalid(path, ns, m)));
    }

    /// <summary>Label keys are qualified names, values label values (ValidateLabels); also used for selectors.</summary>
    public static void ValidateLabels(IReadOnlyDictionary<string, string>? labels, FieldPath path, List<ValidationError> errors)
    {
        foreach (var (key, value) in labels ?? ObjectMeta.EmptyMap)
        {
            errors.AddRange(NameRules.LabelKey(key).Select(m => FieldErrors.Invalid(path, key, m)));
            errors.AddRange(NameRules.LabelValue(value ?? string.Empty).Select(m => FieldErrors.Invalid(path, value, m)));
        }
    }

    /// <summary>Annotation keys are qualified names (checked lower-cased); their total size is limited.</summary>
    public static void ValidateAnnotations(IReadOnlyDictionary<string, string>? annotations, FieldPath path, List<ValidationError> errors)
    {
        var size = 0L;
        foreach (var (key, value) in annotations ?? ObjectMeta.EmptyMap)
        {
            errors.AddRange(NameRules.LabelKey(key.ToLowerInvariant()).Select(m => FieldErrors.Invalid(path, key, m)));
            size += Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(value ?? string.Empty);
        }

        if (size > TotalAnnotationSizeLimitBytes)
        {
            errors.Add(FieldErrors.TooLong(path, TotalAnnotationSizeLimitBytes));
        }
    }

    /// <summary>A quantity that must not be negative (ValidateNonnegativeQuantity).</summary>
    public static void ValidateNonNegative(Quantity? quantity, FieldPath path, List<ValidationError> errors)
    {
        if (quantity is { } q && q.Value < 0m)
        {
            errors.Add(FieldErrors.Invalid(path, q, NameRules.NegativeError));
        }
    }

    /// <summary>A number that must not be negative (ValidateNonnegativeField).</summary>
    public static void ValidateNonNegative(long value, FieldPath path, List<ValidationError> errors)
    {
        if (value < 0)
        {
            errors.Add(FieldErrors.Invalid(path, value, NameRules.NegativeError));
        }
    }
}

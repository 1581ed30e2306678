using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Declaration;

/// <summary>Validates one container: name, image, environment and resources (ports are checked pod-wide).</summary>
internal static class ContainerValidator
{
    public static void Validate(Container container, FieldPath path, List<ValidationError> errors)
    {
        var name = container.Name ?? string.Empty;
        if (name.Length == 0)
        {
            errors.Add(FieldErrors.Required(path.Child("name")));
        }
        else
        {
            errors.AddRange(NameRules.Dns1123Label(name).Select(m => FieldErrors.Invalid(path.Child("name"), name, m)));
        }

        var image = container.Image ?? string.Empty;
        if (string.IsNullOrWhiteSpace(image))
        {
            errors.Add(FieldErrors.Required(path.Child("image")));
        }
        else if (image.Trim().Length != image.Length)
        {
            errors.Add(FieldErrors.Invalid(path.Child("image"), image, "must not have leading or trailing whitespace"));
        }

        if (container.ImageBuildContext is { } context
            && (context.Length == 0 || !File.Exists(Path.Combine(context, "Dockerfile"))))
        {
            errors.Add(FieldErrors.Invalid(path.Child("image"), context, "no Dockerfile found in the build context"));
        }

        ValidateEnv(container.Env ?? [], path.Child("env"), errors);
        ValidateResources(container.Resources ?? new(), path.Child("resources"), errors);
    }

    private static void ValidateEnv(IReadOnlyList<EnvVar> env, FieldPath path, List<ValidationError> errors)
    {
        for (var i = 0; i < env.Count; i++)
        {
            var namePath = path.Index(i).Child("name");
            var name = env[i].Name ?? string.Empty;
            if (name.Length == 0)
            {
                errors.Add(FieldErrors.Required(namePath));
            }
            else
            {
                errors.AddRange(NameRules.EnvVarName(name).Select(m => FieldErrors.Invalid(namePath, name, m)));
            }
        }
    }

    /// <summary>As Kubernetes' ValidateResourceRequirements: nothing negative, and no request above its limit.</summary>
    private static void ValidateResources(ResourceRequirements resources, FieldPath path, List<ValidationError> errors)
    {
        var limits = resources.Limits ?? new();
        var requests = resources.Requests ?? new();
        MetadataValidator.ValidateNonNegative(limits.Cpu, path.Child("limits").Key("cpu"), errors);
        MetadataValidator.ValidateNonNegative(limits.Memory, path.Child("limits").Key("memory"), errors);
        MetadataValidator.ValidateNonNegative(requests.Cpu, path.Child("requests").Key("cpu"), errors);
        MetadataValidator.ValidateNonNegative(requests.Memory, path.Child("requests").Key("memory"), errors);
        ValidateRequestWithinLimit("cpu", requests.Cpu, limits.Cpu, path.Child("requests"), errors);
        ValidateRequestWithinLimit("memory", requests.Memory, limits.Memory, path.Child("requests"), errors);
    }

    private static void ValidateRequestWithinLimit(string resource, Quantity? request, Quantity? limit, FieldPath path, List<ValidationError> errors)
    {
        if (request is { } r && limit is { } l && r > l)
        {
            errors.Add(FieldErrors.Invalid(path, r, $"must be less than or equal to {resource} limit of {l}"));
        }
    }
}

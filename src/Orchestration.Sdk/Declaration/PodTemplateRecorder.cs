using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Declaration;

/// <summary>
/// Records the pod-level settings shared by every workload builder (labels, scheduling, containers) and builds the
/// pod spec from them. Deployments and standalone pods both use it, so a pod-level feature is written once.
/// </summary>
internal sealed class PodTemplateRecorder
{
    /// <summary>The label every workload carries by default, and that a Deployment selects on.</summary>
    public const string AppLabel = "app";

    private readonly List<ContainerRecorder> _sidecars = [];
    private readonly List<ContainerRecorder> _initContainers = [];
    private readonly List<Toleration> _tolerations = [];
    private readonly List<(Volume Volume, string? SizeLimit)> _volumes = [];

    public PodTemplateRecorder(string name)
    {
        Name = name;
        Primary = new ContainerRecorder(DerivedNames.ContainerName(name));
        Labels[AppLabel] = DerivedNames.AppLabelValue(name);
    }

    public string Name { get; }

    /// <summary>The container named after the workload, that the builder's container methods configure.</summary>
    public ContainerRecorder Primary { get; }

    public Dictionary<string, string> Labels { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Annotations { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> NodeSelector { get; } = new(StringComparer.Ordinal);

    public long TerminationGracePeriodSeconds { get; set; } = 30;

    public RestartPolicy RestartPolicy { get; set; } = RestartPolicy.Always;

    public ContainerRecorder AddContainer(string name)
    {
        var container = new ContainerRecorder(name);
        _sidecars.Add(container);
        return container;
    }

    public ContainerRecorder AddInitContainer(string name)
    {
        var container = new ContainerRecorder(name);
        _initContainers.Add(container);
        return container;
    }

    public void AddToleration(Toleration toleration) => _tolerations.Add(toleration);

    /// <summary>Adds a volume; an emptyDir's size limit is parsed (and reported at its path) when the spec is built.</summary>
    public void AddVolume(Volume volume, string? sizeLimit = null) => _volumes.Add((volume, sizeLimit));

    /// <summary>
    /// The pod spec. The primary container comes first; it is left out only when it was never configured and other
    /// containers were declared (a workload made only of <c>WithContainer</c> calls).
    /// </summary>
    public PodSpec BuildSpec(FieldPath specPath, List<ValidationError> errors)
    {
        List<ContainerRecorder> recorders = Primary.IsUsed || _sidecars.Count == 0 ? [Primary, .. _sidecars] : _sidecars;
        var containersPath = specPath.Child("containers");
        var containers = new Container[recorders.Count];
        for (var i = 0; i < containers.Length; i++)
        {
            containers[i] = recorders[i].Build(containersPath.Index(i), errors);
        }

        var initPath = specPath.Child("initContainers");
        var initContainers = new Container[_initContainers.Count];
        for (var i = 0; i < initContainers.Length; i++)
        {
            initContainers[i] = _initContainers[i].Build(initPath.Index(i), errors);
        }

        return new PodSpec
        {
            InitContainers = initContainers,
            Containers = containers,
            RestartPolicy = RestartPolicy,
            NodeSelector = new Dictionary<string, string>(NodeSelector, StringComparer.Ordinal),
            Tolerations = [.. _tolerations],
            TerminationGracePeriodSeconds = TerminationGracePeriodSeconds,
            Volumes = [.. _volumes.Select((v, i) => WithSizeLimit(v.Volume, v.SizeLimit, specPath.Child("volumes").Index(i), errors))],
        };
    }

    private static Volume WithSizeLimit(Volume volume, string? sizeLimit, FieldPath path, List<ValidationError> errors)
    {
        if (sizeLimit is null || volume.EmptyDir is null)
        {
            return volume;
        }

        if (QuantityParser.TryParse(sizeLimit, out var quantity, out var reason))
        {
            return volume with { EmptyDir = volume.EmptyDir with { SizeLimit = quantity } };
        }

        errors.Add(FieldErrors.Invalid(path.Child("emptyDir", "sizeLimit"), sizeLimit, reason));
        return volume;
    }

    /// <summary>A copy of the labels, for one built object.</summary>
    public Dictionary<string, string> CopyLabels() => new(Labels, StringComparer.Ordinal);

    /// <summary>A copy of the annotations, for one built object.</summary>
    public Dictionary<string, string> CopyAnnotations() => new(Annotations, StringComparer.Ordinal);
}

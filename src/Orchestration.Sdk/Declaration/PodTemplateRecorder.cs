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
    private readonly List<Toleration> _tolerations = [];

    public PodTemplateRecorder(string name)
    {
        Name = name;
        Primary = new ContainerRecorder(name);
        Labels[AppLabel] = name;
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

    public void AddToleration(Toleration toleration) => _tolerations.Add(toleration);

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

        return new PodSpec
        {
            Containers = containers,
            RestartPolicy = RestartPolicy,
            NodeSelector = new Dictionary<string, string>(NodeSelector, StringComparer.Ordinal),
            Tolerations = [.. _tolerations],
            TerminationGracePeriodSeconds = TerminationGracePeriodSeconds,
        };
    }

    /// <summary>A copy of the labels, for one built object.</summary>
    public Dictionary<string, string> CopyLabels() => new(Labels, StringComparer.Ordinal);

    /// <summary>A copy of the annotations, for one built object.</summary>
    public Dictionary<string, string> CopyAnnotations() => new(Annotations, StringComparer.Ordinal);
}

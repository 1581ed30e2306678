using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Declaration;

/// <summary>
/// Declares one extra container of a pod (a sidecar), inside
/// <see cref="WorkloadBuilder{TBuilder}.WithContainer(string, Action{ContainerBuilder})"/>. Methods record values and
/// return the builder; invalid values are reported by <see cref="AppDeclaration.Validate"/>, not thrown.
/// </summary>
public sealed class ContainerBuilder : ContainerSettings<ContainerBuilder>
{
    internal ContainerBuilder(ContainerRecorder recorder)
    {
        Recorder = recorder;
    }

    /// <summary>The container's name, unique within the pod (a DNS-1123 label).</summary>
    public string Name => Recorder.Name;

    internal ContainerRecorder Recorder { get; }

    private protected override ContainerRecorder Target => Recorder;
}

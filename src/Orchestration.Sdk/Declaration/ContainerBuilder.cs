namespace Orchestration.Sdk.Declaration;

/// <summary>
/// Declares one extra container of a pod (a sidecar), inside
/// <see cref="WorkloadBuilder{TBuilder}.WithContainer(string, Action{ContainerBuilder})"/>. Methods record values and
/// return the builder; invalid values are reported by <see cref="AppDeclaration.Validate"/>, not thrown.
/// </summary>
public sealed class ContainerBuilder
{
    internal ContainerBuilder(ContainerRecorder recorder)
    {
        Recorder = recorder;
    }

    /// <summary>The container's name, unique within the pod (a DNS-1123 label).</summary>
    public string Name => Recorder.Name;

    internal ContainerRecorder Recorder { get; }

    /// <summary>Sets the image to run, for example <c>"redis:7"</c>. Required: there is no default image.</summary>
    /// <param name="image">The image reference.</param>
    /// <returns>This builder.</returns>
    public ContainerBuilder WithImage(string image)
    {
        Recorder.SetImage(image);
        return this;
    }

    /// <summary>Replaces the image's entrypoint. <value>The default value is the image's own entrypoint.</value></summary>
    /// <param name="command">The command and its leading arguments.</param>
    /// <returns>This builder.</returns>
    public ContainerBuilder WithCommand(params string[] command)
    {
        Recorder.SetCommand(command);
        return this;
    }

    /// <summary>Sets the arguments passed to the entrypoint. <value>The default value is the image's own arguments.</value></summary>
    /// <param name="args">The arguments.</param>
    /// <returns>This builder.</returns>
    public ContainerBuilder WithArgs(params string[] args)
    {
        Recorder.SetArgs(args);
        return this;
    }

    /// <summary>Sets an environment variable; setting the same name again replaces its value.</summary>
    /// <param name="name">The variable's name (letters, digits, '_', '-', '.'; not starting with a digit).</param>
    /// <param name="value">Its value.</param>
    /// <returns>This builder.</returns>
    public ContainerBuilder WithEnvironment(string name, string value)
    {
        Recorder.SetEnvironment(name, value);
        return this;
    }

    /// <summary>Declares a port the container listens on. Numbers (per protocol) and names must be unique within the pod.</summary>
    /// <param name="port">The port number, 1 to 65535.</param>
    /// <param name="name">An optional name (at most 15 lower-case letters, digits and '-'), by which services can refer to it.</param>
    /// <param name="protocol">"TCP", "UDP" or "SCTP". <value>The default value is "TCP".</value></param>
    /// <returns>This builder.</returns>
    public ContainerBuilder WithPort(int port, string? name = null, string protocol = "TCP")
    {
        Recorder.AddPort(port, name, protocol);
        return this;
    }

    /// <summary>
    /// Sets CPU and memory requests (what the scheduler reserves) and limits (what the runtime enforces), in Kubernetes'
    /// quantity syntax: <c>cpu: "250m"</c>, <c>memory: "256Mi"</c>. Arguments left null keep their previous value; a
    /// request must not exceed its limit. <value>The default value is no requests and no limits.</value>
    /// </summary>
    /// <param name="cpu">CPU request in cores ("500m", "1.5").</param>
    /// <param name="memory">Memory request in bytes ("512Mi", "1G").</param>
    /// <param name="cpuLimit">CPU limit.</param>
    /// <param name="memoryLimit">Memory limit.</param>
    /// <returns>This builder.</returns>
    public ContainerBuilder WithResources(string? cpu = null, string? memory = null, string? cpuLimit = null, string? memoryLimit = null)
    {
        Recorder.SetResources(cpu, memory, cpuLimit, memoryLimit);
        return this;
    }

    /// <summary>Sets the working directory. <value>The default value is the image's own.</value></summary>
    /// <param name="path">The directory.</param>
    /// <returns>This builder.</returns>
    public ContainerBuilder WithWorkingDirectory(string path)
    {
        Recorder.SetWorkingDirectory(path);
        return this;
    }
}

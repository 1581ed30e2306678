using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Declaration;

/// <summary>
/// The settings of one container, shared by <see cref="ContainerBuilder"/> (a sidecar) and
/// <see cref="WorkloadBuilder{TBuilder}"/> (where they apply to the primary container, named after the workload).
/// Methods record values and return the builder; invalid values are reported by <see cref="AppDeclaration.Validate"/>,
/// not thrown.
/// </summary>
/// <typeparam name="TSelf">The concrete builder, returned by every method.</typeparam>
public abstract class ContainerSettings<TSelf>
    where TSelf : ContainerSettings<TSelf>
{
    private protected ContainerSettings()
    {
    }

    /// <summary>The container the settings apply to.</summary>
    private protected abstract ContainerRecorder Target { get; }

    /// <summary>Sets the image to run, for example <c>"redis:7"</c>. Required: there is no default image.</summary>
    /// <param name="image">The image reference.</param>
    /// <returns>This builder.</returns>
    public TSelf WithImage(string image)
    {
        Target.SetImage(image);
        return (TSelf)this;
    }

    /// <summary>
    /// Builds the image from a local directory holding a Dockerfile (on runtimes that can build, such as Docker)
    /// when it is not present, instead of pulling it. The image is tagged with <see cref="WithImage(string)"/>'s
    /// reference. <value>The default tag, without <see cref="WithImage(string)"/>, is <c>&lt;container name&gt;:local</c>.</value>
    /// </summary>
    /// <param name="contextDirectory">The build context: an existing directory with a file named Dockerfile.</param>
    /// <returns>This builder.</returns>
    public TSelf WithImageBuiltFrom(string contextDirectory)
    {
        Target.SetImageBuildContext(contextDirectory);
        return (TSelf)this;
    }

    /// <summary>Replaces the image's entrypoint. <value>The default value is the image's own entrypoint.</value></summary>
    /// <param name="command">The command and its leading arguments.</param>
    /// <returns>This builder.</returns>
    public TSelf WithCommand(params string[] command)
    {
        Target.SetCommand(command);
        return (TSelf)this;
    }

    /// <summary>Sets the arguments passed to the entrypoint. <value>The default value is the image's own arguments.</value></summary>
    /// <param name="args">The arguments.</param>
    /// <returns>This builder.</returns>
    public TSelf WithArgs(params string[] args)
    {
        Target.SetArgs(args);
        return (TSelf)this;
    }

    /// <summary>Sets an environment variable; setting the same name again replaces its value.</summary>
    /// <param name="name">The variable's name (letters, digits, '_', '-', '.'; not starting with a digit).</param>
    /// <param name="value">Its value.</param>
    /// <returns>This builder.</returns>
    public TSelf WithEnvironment(string name, string value)
    {
        Target.SetEnvironment(name, value);
        return (TSelf)this;
    }

    /// <summary>
    /// Sets an environment variable from one key of a Secret. The pod spec holds only the reference; the value is read
    /// when the container is created, and a missing Secret or key keeps the container waiting
    /// (<c>CreateContainerConfigError</c>) until it exists, unless <paramref name="optional"/>.
    /// </summary>
    /// <param name="name">The variable's name.</param>
    /// <param name="secret">The Secret's name, in the pod's namespace.</param>
    /// <param name="key">The key.</param>
    /// <param name="optional">Start without the variable when the Secret or key is missing. <value>The default value is false.</value></param>
    /// <returns>This builder.</returns>
    public TSelf WithEnvironmentFromSecret(string name, string secret, string key, bool optional = false)
    {
        Target.SetEnvironmentFrom(name, ConfigReferences.SecretKey(secret, key, optional));
        return (TSelf)this;
    }

    /// <summary>Sets every key of a Secret as an environment variable named <paramref name="prefix"/> + key; the container's own variables override them.</summary>
    /// <param name="secret">The Secret's name, in the pod's namespace.</param>
    /// <param name="prefix">Prepended to each key. <value>The default value is empty.</value></param>
    /// <param name="optional">Start without them when the Secret is missing. <value>The default value is false.</value></param>
    /// <returns>This builder.</returns>
    public TSelf WithEnvironmentFromSecret(string secret, string prefix = "", bool optional = false)
    {
        Target.AddEnvironmentFrom(ConfigReferences.AllOfSecret(secret, prefix, optional));
        return (TSelf)this;
    }

    /// <summary>Sets an environment variable from one key of a ConfigMap; as <see cref="WithEnvironmentFromSecret(string, string, string, bool)"/>.</summary>
    /// <param name="name">The variable's name.</param>
    /// <param name="configMap">The ConfigMap's name, in the pod's namespace.</param>
    /// <param name="key">The key.</param>
    /// <param name="optional">Start without the variable when the ConfigMap or key is missing. <value>The default value is false.</value></param>
    /// <returns>This builder.</returns>
    public TSelf WithEnvironmentFromConfigMap(string name, string configMap, string key, bool optional = false)
    {
        Target.SetEnvironmentFrom(name, ConfigReferences.ConfigMapKey(configMap, key, optional));
        return (TSelf)this;
    }

    /// <summary>Sets every key of a ConfigMap as an environment variable named <paramref name="prefix"/> + key; the container's own variables override them.</summary>
    /// <param name="configMap">The ConfigMap's name, in the pod's namespace.</param>
    /// <param name="prefix">Prepended to each key. <value>The default value is empty.</value></param>
    /// <param name="optional">Start without them when the ConfigMap is missing. <value>The default value is false.</value></param>
    /// <returns>This builder.</returns>
    public TSelf WithEnvironmentFromConfigMap(string configMap, string prefix = "", bool optional = false)
    {
        Target.AddEnvironmentFrom(ConfigReferences.AllOfConfigMap(configMap, prefix, optional));
        return (TSelf)this;
    }

    /// <summary>
    /// Places every key of a ConfigMap as a file (mode 0644) in <paramref name="mountPath"/>; a changed ConfigMap
    /// updates the files of running containers.
    /// </summary>
    /// <param name="configMap">The ConfigMap's name, in the pod's namespace.</param>
    /// <param name="mountPath">The directory, an absolute path.</param>
    /// <param name="optional">Start with an empty directory when the ConfigMap is missing. <value>The default value is false.</value></param>
    /// <returns>This builder.</returns>
    public TSelf WithConfigMapFiles(string configMap, string mountPath, bool optional = false)
    {
        Target.AddConfigFiles(ConfigReferences.Files(configMap, secret: null, mountPath, optional));
        return (TSelf)this;
    }

    /// <summary>
    /// Places every key of a Secret as a file (mode 0400, owner read only) in <paramref name="mountPath"/>; runtimes keep
    /// such files in memory-backed storage.
    /// </summary>
    /// <param name="secret">The Secret's name, in the pod's namespace.</param>
    /// <param name="mountPath">The directory, an absolute path.</param>
    /// <param name="optional">Start with an empty directory when the Secret is missing. <value>The default value is false.</value></param>
    /// <returns>This builder.</returns>
    public TSelf WithSecretFiles(string secret, string mountPath, bool optional = false)
    {
        Target.AddConfigFiles(ConfigReferences.Files(configMap: null, secret, mountPath, optional));
        return (TSelf)this;
    }

    /// <summary>
    /// Mounts a volume of the pod (declared with <c>WithEmptyDir</c>, <c>WithPersistentVolumeClaim</c> or
    /// <c>WithHostPath</c>) at <paramref name="mountPath"/>. Mount paths must be unique within the container.
    /// </summary>
    /// <param name="volume">The volume's name in the pod.</param>
    /// <param name="mountPath">The directory in the container, an absolute path.</param>
    /// <param name="readOnly">Mount it read-only. <value>The default value is false.</value></param>
    /// <param name="subPath">A relative path in the volume to mount instead of its root. <value>The default value is "" (the root).</value></param>
    /// <returns>This builder.</returns>
    public TSelf WithVolumeMount(string volume, string mountPath, bool readOnly = false, string subPath = "")
    {
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentNullException.ThrowIfNull(mountPath);
        ArgumentNullException.ThrowIfNull(subPath);
        Target.AddVolumeMount(new VolumeMount { Name = volume, MountPath = mountPath, ReadOnly = readOnly, SubPath = subPath });
        return (TSelf)this;
    }

    /// <summary>Declares a port the container listens on. Numbers (per protocol) and names must be unique within the pod.</summary>
    /// <param name="port">The port number, 1 to 65535.</param>
    /// <param name="name">An optional name (at most 15 lower-case letters, digits and '-'), by which services can refer to it.</param>
    /// <param name="protocol">"TCP", "UDP" or "SCTP". <value>The default value is "TCP".</value></param>
    /// <returns>This builder.</returns>
    public TSelf WithPort(int port, string? name = null, string protocol = "TCP")
    {
        Target.AddPort(port, name, protocol);
        return (TSelf)this;
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
    public TSelf WithResources(string? cpu = null, string? memory = null, string? cpuLimit = null, string? memoryLimit = null)
    {
        Target.SetResources(cpu, memory, cpuLimit, memoryLimit);
        return (TSelf)this;
    }

    /// <summary>Sets the working directory. <value>The default value is the image's own.</value></summary>
    /// <param name="path">The directory.</param>
    /// <returns>This builder.</returns>
    public TSelf WithWorkingDirectory(string path)
    {
        Target.SetWorkingDirectory(path);
        return (TSelf)this;
    }

    /// <summary>Sets the liveness probe: after <see cref="Probe.FailureThreshold"/> failures in a row the container is killed and restarted by the restart policy. <value>The default value is no liveness probe.</value></summary>
    /// <param name="probe">The probe, for example <c>Probe.ForHttpGet("/healthz", 8080)</c>.</param>
    /// <returns>This builder.</returns>
    public TSelf WithLivenessProbe(Probe probe)
    {
        Target.SetProbe(Runtime.Probes.ProbeKind.Liveness, probe);
        return (TSelf)this;
    }

    /// <summary>Sets an HTTP GET liveness probe (success: status 200–399). <value>The default value is no liveness probe.</value></summary>
    /// <param name="httpGet">The path, for example "/healthz".</param>
    /// <param name="port">A port the container declares.</param>
    /// <param name="initialDelaySeconds">Seconds after start before the first probe. <value>The default value is 0.</value></param>
    /// <param name="periodSeconds">Seconds between probes. <value>The default value is 10.</value></param>
    /// <param name="timeoutSeconds">Seconds before a probe fails for not answering. <value>The default value is 1.</value></param>
    /// <param name="failureThreshold">Failures in a row that restart the container. <value>The default value is 3.</value></param>
    /// <returns>This builder.</returns>
    public TSelf WithLivenessProbe(string httpGet, int port, int initialDelaySeconds = 0, int periodSeconds = 10, int timeoutSeconds = 1, int failureThreshold = 3) =>
        WithLivenessProbe(Probe.ForHttpGet(httpGet, port) with { InitialDelaySeconds = initialDelaySeconds, PeriodSeconds = periodSeconds, TimeoutSeconds = timeoutSeconds, FailureThreshold = failureThreshold });

    /// <summary>Sets the readiness probe: the container (and so the pod) is ready only while it passes; a container with one starts not ready. <value>The default value is no readiness probe: ready once running.</value></summary>
    /// <param name="probe">The probe, for example <c>Probe.ForTcpSocket(5432)</c>.</param>
    /// <returns>This builder.</returns>
    public TSelf WithReadinessProbe(Probe probe)
    {
        Target.SetProbe(Runtime.Probes.ProbeKind.Readiness, probe);
        return (TSelf)this;
    }

    /// <summary>Sets an HTTP GET readiness probe (success: status 200–399). <value>The default value is no readiness probe: ready once running.</value></summary>
    /// <param name="httpGet">The path, for example "/healthz".</param>
    /// <param name="port">A port the container declares.</param>
    /// <param name="initialDelaySeconds">Seconds after start before the first probe. <value>The default value is 0.</value></param>
    /// <param name="periodSeconds">Seconds between probes. <value>The default value is 10.</value></param>
    /// <param name="timeoutSeconds">Seconds before a probe fails for not answering. <value>The default value is 1.</value></param>
    /// <param name="successThreshold">Successes in a row that make a not-ready container ready. <value>The default value is 1.</value></param>
    /// <param name="failureThreshold">Failures in a row that make a ready container not ready. <value>The default value is 3.</value></param>
    /// <returns>This builder.</returns>
    public TSelf WithReadinessProbe(string httpGet, int port, int initialDelaySeconds = 0, int periodSeconds = 10, int timeoutSeconds = 1, int successThreshold = 1, int failureThreshold = 3) =>
        WithReadinessProbe(Probe.ForHttpGet(httpGet, port) with { InitialDelaySeconds = initialDelaySeconds, PeriodSeconds = periodSeconds, TimeoutSeconds = timeoutSeconds, SuccessThreshold = successThreshold, FailureThreshold = failureThreshold });

    /// <summary>Sets the startup probe: liveness and readiness probes wait until it passes; after <see cref="Probe.FailureThreshold"/> failures in a row the container is restarted. <value>The default value is no startup probe.</value></summary>
    /// <param name="probe">The probe, for example <c>Probe.ForHttpGet("/healthz", 8080) with { FailureThreshold = 30 }</c>.</param>
    /// <returns>This builder.</returns>
    public TSelf WithStartupProbe(Probe probe)
    {
        Target.SetProbe(Runtime.Probes.ProbeKind.Startup, probe);
        return (TSelf)this;
    }

    /// <summary>Sets an HTTP GET startup probe (success: status 200–399). <value>The default value is no startup probe.</value></summary>
    /// <param name="httpGet">The path, for example "/healthz".</param>
    /// <param name="port">A port the container declares.</param>
    /// <param name="initialDelaySeconds">Seconds after start before the first probe. <value>The default value is 0.</value></param>
    /// <param name="periodSeconds">Seconds between probes. <value>The default value is 10.</value></param>
    /// <param name="timeoutSeconds">Seconds before a probe fails for not answering. <value>The default value is 1.</value></param>
    /// <param name="failureThreshold">Failures in a row that restart the container. <value>The default value is 3.</value></param>
    /// <returns>This builder.</returns>
    public TSelf WithStartupProbe(string httpGet, int port, int initialDelaySeconds = 0, int periodSeconds = 10, int timeoutSeconds = 1, int failureThreshold = 3) =>
        WithStartupProbe(Probe.ForHttpGet(httpGet, port) with { InitialDelaySeconds = initialDelaySeconds, PeriodSeconds = periodSeconds, TimeoutSeconds = timeoutSeconds, FailureThreshold = failureThreshold });
}

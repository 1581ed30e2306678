namespace Orchestration.Sdk.Model;

/// <summary>One container of a pod.</summary>
public sealed record Container
{
    /// <summary>The container's name, a DNS-1123 label unique within the pod.</summary>
    public required string Name { get; init; }

    /// <summary>The image reference, for example "nginx:1.27".</summary>
    public required string Image { get; init; }

    /// <summary>
    /// A local directory holding a Dockerfile from which a runtime that can build images (Docker) builds
    /// <see cref="Image"/> when it is not present, instead of pulling it; the in-memory runtime ignores it.
    /// <value>The default value is null (the image is pulled as the pull policy says).</value>
    /// </summary>
    public string? ImageBuildContext { get; init; }

    /// <summary>Replaces the image's entrypoint. <value>The default value is empty (the image's own).</value></summary>
    public IReadOnlyList<string> Command { get; init => field = ValueCollections.List(value); } = ValueList<string>.Empty;

    /// <summary>Arguments to the entrypoint. <value>The default value is empty.</value></summary>
    public IReadOnlyList<string> Args { get; init => field = ValueCollections.List(value); } = ValueList<string>.Empty;

    /// <summary>Environment variables. <value>The default value is empty.</value></summary>
    public IReadOnlyList<EnvVar> Env { get; init => field = ValueCollections.List(value); } = ValueList<EnvVar>.Empty;

    /// <summary>Every key of ConfigMaps or Secrets as environment variables; <see cref="Env"/> overrides them. <value>The default value is empty.</value></summary>
    public IReadOnlyList<Configuration.EnvFromSource> EnvFrom { get; init => field = ValueCollections.List(value); } = ValueList<Configuration.EnvFromSource>.Empty;

    /// <summary>ConfigMaps or Secrets mounted as files, one per key. <value>The default value is empty.</value></summary>
    public IReadOnlyList<Configuration.ConfigFileMount> ConfigFiles { get; init => field = ValueCollections.List(value); } = ValueList<Configuration.ConfigFileMount>.Empty;

    /// <summary>The pod's volumes this container mounts, mount paths unique. <value>The default value is empty.</value></summary>
    public IReadOnlyList<VolumeMount> VolumeMounts { get; init => field = ValueCollections.List(value); } = ValueList<VolumeMount>.Empty;

    /// <summary>Ports the container listens on. <value>The default value is empty.</value></summary>
    public IReadOnlyList<ContainerPort> Ports { get; init => field = ValueCollections.List(value); } = ValueList<ContainerPort>.Empty;

    /// <summary>CPU and memory requests (what the scheduler reserves) and limits (what the runtime enforces).</summary>
    public ResourceRequirements Resources { get; init; } = new();

    /// <summary>The working directory. <value>The default value is null (the image's own).</value></summary>
    public string? WorkingDir { get; init; }

    /// <summary>Restarts the container when it fails. <value>The default value is null (no liveness probe).</value></summary>
    public Probe? LivenessProbe { get; init; }

    /// <summary>Decides whether the container is ready (receives traffic). <value>The default value is null: ready once running.</value></summary>
    public Probe? ReadinessProbe { get; init; }

    /// <summary>Holds off the liveness and readiness probes until it succeeds. <value>The default value is null (no startup probe).</value></summary>
    public Probe? StartupProbe { get; init; }
}

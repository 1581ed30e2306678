using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Manifests.Compose;

/// <summary>What one Compose service declares, read without problems; <see cref="Declare"/> turns it into builders.</summary>
internal sealed class ComposeServicePlan(string name)
{
    public string Name { get; } = name;

    public string? Image { get; set; }

    public List<string>? Command { get; set; }

    public List<string>? Args { get; set; }

    public string? WorkingDirectory { get; set; }

    /// <summary>Environment variables in order; a later source (environment after env_file) replaces an earlier value.</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>Container ports, in order, each once.</summary>
    public List<(int Port, string Protocol)> ContainerPorts { get; } = [];

    /// <summary>Service ports: the container port, and the host port when published.</summary>
    public List<(int Port, int? HostPort)> ServicePorts { get; } = [];

    public Probe? Readiness { get; set; }

    public int? Replicas { get; set; }

    public (string? Cpu, string? Memory, string? CpuLimit, string? MemoryLimit) Resources { get; set; }

    /// <summary>Null for a Deployment; the pod's policy for a standalone Pod (<c>restart: "no"</c> or <c>on-failure</c>).</summary>
    public RestartPolicy? PodRestartPolicy { get; set; }

    public TimeSpan? GracePeriod { get; set; }

    public Dictionary<string, string> Annotations { get; } = new(StringComparer.Ordinal);

    /// <summary>File mounts: a ConfigMap or Secret (by name) and the folder it is mounted at.</summary>
    public List<(bool Secret, string Object, string Folder)> Mounts { get; } = [];

    /// <summary>Volumes (claims and emptyDirs) and where the container mounts them.</summary>
    public List<ComposeVolume> Volumes { get; } = [];

    /// <summary>Declares the service's workload and, when it has ports, its Service.</summary>
    public void Declare(AppDeclaration app)
    {
        if (PodRestartPolicy is { } policy)
        {
            var pod = Configure(app.AddPod(Name)).WithRestartPolicy(policy);
            DeclareService(app)?.SelectingPodsOf(pod);
            return;
        }

        var deployment = Configure(app.AddDeployment(Name));
        if (Replicas is { } replicas)
        {
            deployment.WithReplicas(replicas);
        }

        DeclareService(app)?.SelectingPodsOf(deployment);
    }

    private TBuilder Configure<TBuilder>(TBuilder builder)
        where TBuilder : WorkloadBuilder<TBuilder>
    {
        builder.WithImage(Image!);
        if (Command is { } command)
        {
            builder.WithCommand([.. command]);
        }

        if (Args is { } args)
        {
            builder.WithArgs([.. args]);
        }

        if (WorkingDirectory is { } dir)
        {
            builder.WithWorkingDirectory(dir);
        }

        foreach (var (key, value) in Environment)
        {
            builder.WithEnvironment(key, value);
        }

        foreach (var (port, protocol) in ContainerPorts)
        {
            builder.WithPort(port, protocol: protocol);
        }

        if (Readiness is { } probe)
        {
            builder.WithReadinessProbe(probe);
        }

        if (Resources != default)
        {
            builder.WithResources(Resources.Cpu, Resources.Memory, Resources.CpuLimit, Resources.MemoryLimit);
        }

        if (GracePeriod is { } grace)
        {
            builder.WithTerminationGracePeriod(grace);
        }

        foreach (var (key, value) in Annotations)
        {
            builder.WithAnnotation(key, value);
        }

        foreach (var (secret, name, folder) in Mounts)
        {
            _ = secret ? builder.WithSecretFiles(name, folder) : builder.WithConfigMapFiles(name, folder);
        }

        foreach (var v in Volumes)
        {
            _ = v.Claim is { } claim
                ? builder.WithPersistentVolumeClaim(v.Name, claim, v.Path, v.ReadOnly)
                : builder.WithEmptyDir(v.Name, medium: v.Memory ? StorageMedium.Memory : StorageMedium.Default).WithVolumeMount(v.Name, v.Path, v.ReadOnly);
        }

        return builder;
    }

    private ServiceBuilder? DeclareService(AppDeclaration app)
    {
        if (ServicePorts.Count == 0)
        {
            return null;
        }

        var service = app.AddService(Name);
        foreach (var (port, hostPort) in ServicePorts)
        {
            service.WithPort(port, port, ServicePorts.Count > 1 ? $"port-{port}" : null);
            if (hostPort is { } published)
            {
                service.WithHostPort(published);
            }
        }

        return service;
    }
}

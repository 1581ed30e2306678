using k8s.Models;
using Orchestration.Sdk.Configuration;
using Orchestration.Sdk.Model;
using static Orchestration.Sdk.Kubernetes.Wire.MetaMapper;

namespace Orchestration.Sdk.Kubernetes.Wire;

/// <summary>
/// Maps containers. The SDK's config file mounts are Kubernetes' configMap/secret volumes plus a volume mount; a
/// volume is named after its source (<c>configmap-NAME</c>, <c>secret-NAME</c>).
/// </summary>
internal static class ContainerMapper
{
    public static V1Container ToWire(Container c) => new()
    {
        Name = c.Name,
        Image = c.Image,
        Command = List(c.Command),
        Args = List(c.Args),
        Env = List(c.Env.Select(ToWire)),
        EnvFrom = List(c.EnvFrom.Select(ToWire)),
        Ports = List(c.Ports.Select(p => new V1ContainerPort { ContainerPort = p.Number, Name = p.Name, Protocol = p.Protocol })),
        Resources = ToWire(c.Resources),
        WorkingDir = c.WorkingDir,
        LivenessProbe = ProbeMapper.ToWire(c.LivenessProbe),
        ReadinessProbe = ProbeMapper.ToWire(c.ReadinessProbe),
        StartupProbe = ProbeMapper.ToWire(c.StartupProbe),
        VolumeMounts = List(c.ConfigFiles.Select(f => new V1VolumeMount { MountPath = f.MountPath, Name = VolumeName(f), ReadOnlyProperty = true })
            .Concat(c.VolumeMounts.Select(m => new V1VolumeMount { Name = m.Name, MountPath = m.MountPath, ReadOnlyProperty = m.ReadOnly ? true : null, SubPath = Empty(m.SubPath) }))),
        ImagePullPolicy = c.Image.EndsWith(":latest", StringComparison.Ordinal) || !c.Image.Contains(':', StringComparison.Ordinal) ? "Always" : "IfNotPresent",
        TerminationMessagePath = "/dev/termination-log",
        TerminationMessagePolicy = "File",
    };

    public static Container FromWire(V1Container c, IReadOnlyDictionary<string, V1Volume> volumes) => new()
    {
        Name = c.Name ?? string.Empty,
        Image = c.Image ?? string.Empty,
        Command = c.Command?.ToList() ?? [],
        Args = c.Args?.ToList() ?? [],
        Env = c.Env?.Select(FromWire).ToList() ?? [],
        EnvFrom = c.EnvFrom?.Select(FromWire).ToList() ?? [],
        Ports = c.Ports?.Select(p => new ContainerPort(p.ContainerPort, p.Name, p.Protocol ?? "TCP")).ToList() ?? [],
        Resources = FromWire(c.Resources),
        WorkingDir = c.WorkingDir,
        LivenessProbe = ProbeMapper.FromWire(c.LivenessProbe),
        ReadinessProbe = ProbeMapper.FromWire(c.ReadinessProbe),
        StartupProbe = ProbeMapper.FromWire(c.StartupProbe),
        ConfigFiles = c.VolumeMounts?.Select(m => Mount(m, volumes)).OfType<ConfigFileMount>().ToList() ?? [],
        VolumeMounts = c.VolumeMounts?.Where(m => Mount(m, volumes) is null)
            .Select(m => new VolumeMount { Name = m.Name, MountPath = m.MountPath, ReadOnly = m.ReadOnlyProperty ?? false, SubPath = m.SubPath ?? string.Empty }).ToList() ?? [],
    };

    /// <summary>A pod volume (emptyDir, persistentVolumeClaim or hostPath); config file volumes are derived from the mounts instead.</summary>
    public static V1Volume ToWire(Volume v) => new()
    {
        Name = v.Name,
        EmptyDir = v.EmptyDir is { } e ? new V1EmptyDirVolumeSource { Medium = e.Medium == StorageMedium.Memory ? "Memory" : null, SizeLimit = e.SizeLimit is { } l ? Quantity(l) : null } : null,
        PersistentVolumeClaim = v.PersistentVolumeClaim is { } c ? new V1PersistentVolumeClaimVolumeSource { ClaimName = c.ClaimName, ReadOnlyProperty = c.ReadOnly ? true : null } : null,
        HostPath = v.HostPath is { } h ? new V1HostPathVolumeSource { Path = h.Path, Type = string.Empty } : null,
    };

    /// <summary>A pod volume, or null for a configMap/secret volume (those are config file mounts).</summary>
    public static Volume? FromWire(V1Volume v) => v.ConfigMap is not null || v.Secret is not null ? null : new Volume
    {
        Name = v.Name,
        EmptyDir = v.EmptyDir is { } e ? new EmptyDirVolumeSource { Medium = e.Medium == "Memory" ? StorageMedium.Memory : StorageMedium.Default, SizeLimit = e.SizeLimit is { } l ? Quantity(l) : (Quantity?)null } : null,
        PersistentVolumeClaim = v.PersistentVolumeClaim is { } c ? new PersistentVolumeClaimVolumeSource { ClaimName = c.ClaimName, ReadOnly = c.ReadOnlyProperty ?? false } : null,
        HostPath = v.HostPath is { } h ? new HostPathVolumeSource { Path = h.Path } : null,
    };

    /// <summary>The volumes the containers' config file mounts need, one per source.</summary>
    public static IEnumerable<V1Volume> Volumes(IEnumerable<Container> containers) =>
        containers.SelectMany(c => c.ConfigFiles)
            .GroupBy(VolumeName, StringComparer.Ordinal)
            .Select(g => g.First())
            .Select(f => new V1Volume
            {
                Name = VolumeName(f),
                ConfigMap = f.ConfigMapName is { } cm ? new V1ConfigMapVolumeSource { Name = cm, Optional = f.Optional ? true : null } : null,
                Secret = f.SecretName is { } s ? new V1SecretVolumeSource { SecretName = s, Optional = f.Optional ? true : null } : null,
            });

    private static string VolumeName(ConfigFileMount f) => f.ConfigMapName is { } cm ? $"configmap-{cm}" : $"secret-{f.SecretName}";

    private static ConfigFileMount? Mount(V1VolumeMount m, IReadOnlyDictionary<string, V1Volume> volumes) =>
        volumes.TryGetValue(m.Name, out var v) && (v.ConfigMap is not null || v.Secret is not null)
            ? new ConfigFileMount
            {
                MountPath = m.MountPath,
                ConfigMapName = v.ConfigMap?.Name,
                SecretName = v.Secret?.SecretName,
                Optional = v.ConfigMap?.Optional ?? v.Secret?.Optional ?? false,
            }
            : null;

    private static V1EnvVar ToWire(EnvVar e) => new()
    {
        Name = e.Name,
        Value = e.ValueFrom is null ? e.Value : null,
        ValueFrom = e.ValueFrom is { } from ? new V1EnvVarSource
        {
            ConfigMapKeyRef = from.ConfigMapKeyRef is { } cm ? new V1ConfigMapKeySelector { Key = cm.Key, Name = cm.Name, Optional = cm.Optional ? true : null } : null,
            SecretKeyRef = from.SecretKeyRef is { } s ? new V1SecretKeySelector { Key = s.Key, Name = s.Name, Optional = s.Optional ? true : null } : null,
        } : null,
    };

    private static EnvVar FromWire(V1EnvVar e) => new(e.Name, e.Value ?? string.Empty)
    {
        ValueFrom = e.ValueFrom is { } from ? new EnvVarSource
        {
            ConfigMapKeyRef = from.ConfigMapKeyRef is { } cm ? new KeySelector(cm.Name ?? string.Empty, cm.Key, cm.Optional ?? false) : null,
            SecretKeyRef = from.SecretKeyRef is { } s ? new KeySelector(s.Name ?? string.Empty, s.Key, s.Optional ?? false) : null,
        } : null,
    };

    private static V1EnvFromSource ToWire(EnvFromSource e) => new()
    {
        Prefix = Empty(e.Prefix),
        ConfigMapRef = e.ConfigMapName is { } cm ? new V1ConfigMapEnvSource { Name = cm, Optional = e.Optional ? true : null } : null,
        SecretRef = e.SecretName is { } s ? new V1SecretEnvSource { Name = s, Optional = e.Optional ? true : null } : null,
    };

    private static EnvFromSource FromWire(V1EnvFromSource e) => new()
    {
        Prefix = e.Prefix ?? string.Empty,
        ConfigMapName = e.ConfigMapRef?.Name,
        SecretName = e.SecretRef?.Name,
        Optional = e.ConfigMapRef?.Optional ?? e.SecretRef?.Optional ?? false,
    };

    private static V1ResourceRequirements ToWire(ResourceRequirements r) => new()
    {
        Requests = ToWire(r.Requests),
        Limits = ToWire(r.Limits),
    };

    private static ResourceRequirements FromWire(V1ResourceRequirements? r) => new()
    {
        Requests = FromWire(r?.Requests),
        Limits = FromWire(r?.Limits),
    };

    private static Dictionary<string, ResourceQuantity>? ToWire(ResourceList list)
    {
        var map = new Dictionary<string, ResourceQuantity>(StringComparer.Ordinal);
        if (list.Cpu is { } cpu)
        {
            map["cpu"] = Quantity(cpu);
        }

        if (list.Memory is { } memory)
        {
            map["memory"] = Quantity(memory);
        }

        return map.Count == 0 ? null : map;
    }

    private static ResourceList FromWire(IDictionary<string, ResourceQuantity>? map) => new()
    {
        Cpu = map is not null && map.TryGetValue("cpu", out var cpu) ? Quantity(cpu) : (Quantity?)null,
        Memory = map is not null && map.TryGetValue("memory", out var memory) ? Quantity(memory) : (Quantity?)null,
    };
}

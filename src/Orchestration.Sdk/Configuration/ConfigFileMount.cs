namespace Orchestration.Sdk.Configuration;

/// <summary>
/// The keys of a ConfigMap or Secret as files in a directory of the container, one file per key (a Kubernetes
/// configMap/secret volume with its volumeMount). ConfigMap files get mode 0644, Secret files 0400 (owner read only).
/// </summary>
public sealed record ConfigFileMount
{
    /// <summary>The directory in the container, an absolute path.</summary>
    public required string MountPath { get; init; }

    /// <summary>The ConfigMap's name (set this or <see cref="SecretName"/>). <value>The default value is null.</value></summary>
    public string? ConfigMapName { get; init; }

    /// <summary>The Secret's name (set this or <see cref="ConfigMapName"/>). <value>The default value is null.</value></summary>
    public string? SecretName { get; init; }

    /// <summary>Whether the container may start without the source (the directory is then empty). <value>The default value is false.</value></summary>
    public bool Optional { get; init; }
}

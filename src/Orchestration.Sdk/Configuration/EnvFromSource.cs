namespace Orchestration.Sdk.Configuration;

/// <summary>
/// Every key of a ConfigMap or Secret as environment variables, each named <see cref="Prefix"/> + key, as Kubernetes'
/// EnvFromSource. Variables from these sources come first; the container's own <c>Env</c> entries override them.
/// </summary>
public sealed record EnvFromSource
{
    /// <summary>Prepended to every key. <value>The default value is empty.</value></summary>
    public string Prefix { get; init; } = string.Empty;

    /// <summary>The ConfigMap's name (set this or <see cref="SecretName"/>). <value>The default value is null.</value></summary>
    public string? ConfigMapName { get; init; }

    /// <summary>The Secret's name (set this or <see cref="ConfigMapName"/>). <value>The default value is null.</value></summary>
    public string? SecretName { get; init; }

    /// <summary>Whether the container may start without the source. <value>The default value is false.</value></summary>
    public bool Optional { get; init; }
}

namespace Orchestration.Sdk.Configuration;

/// <summary>
/// Where an environment variable's value comes from: exactly one of a ConfigMap key or a Secret key. The pod spec keeps
/// only this reference; the node agent reads the value when it creates the container.
/// </summary>
public sealed record EnvVarSource
{
    /// <summary>A key of a ConfigMap. <value>The default value is null.</value></summary>
    public KeySelector? ConfigMapKeyRef { get; init; }

    /// <summary>A key of a Secret. <value>The default value is null.</value></summary>
    public KeySelector? SecretKeyRef { get; init; }
}

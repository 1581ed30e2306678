namespace Orchestration.Sdk.Configuration;

/// <summary>One key of a ConfigMap or Secret in the pod's namespace, as Kubernetes' ConfigMapKeySelector/SecretKeySelector.</summary>
/// <param name="Name">The ConfigMap's or Secret's name.</param>
/// <param name="Key">The key.</param>
/// <param name="Optional">Whether the container may start without it. <value>The default value is false.</value></param>
public sealed record KeySelector(string Name, string Key, bool Optional = false);

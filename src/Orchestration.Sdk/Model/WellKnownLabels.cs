namespace Orchestration.Sdk.Model;

/// <summary>
/// The labels the SDK puts on objects, under <see cref="WellKnownAnnotations.Prefix"/>, beside Kubernetes' own
/// (<c>kubernetes.io/hostname</c>, <c>kubernetes.io/os</c>).
/// </summary>
public static class WellKnownLabels
{
    /// <summary>On a Node: the container runtime behind it, for example "docker"; a node selector can pick it.</summary>
    public const string Runtime = WellKnownAnnotations.Prefix + "runtime";
}

using Orchestration.Sdk.Events;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Runtime.NodeAgents;

/// <summary>
/// The kubelet's container events, with its reasons and wording (pkg/kubelet/events and kuberuntime). Each is about
/// the pod, with the container's field path (<c>spec.containers{web}</c>), reported as "kubelet" on the node.
/// </summary>
internal static class KubeletEvents
{
    /// <summary><c>spec.containers{web}</c>, or <c>spec.initContainers{migrate}</c> for an init container.</summary>
    public static string FieldPath(Pod pod, Container container) =>
        pod.Spec.InitContainers.Any(i => i.Name == container.Name) ? $"spec.initContainers{{{container.Name}}}" : $"spec.containers{{{container.Name}}}";

    /// <summary>The runtime pulls inside create, so the kubelet's image step is reported once the image is there.</summary>
    public static void Pulled(this IEventRecorder events, Pod pod, Container c) =>
        events.Normal(pod, "Pulled", $"Container image \"{c.Image}\" already present on machine", FieldPath(pod, c));

    public static void Created(this IEventRecorder events, Pod pod, Container c) =>
        events.Normal(pod, "Created", $"Created container: {c.Name}", FieldPath(pod, c));

    public static void Started(this IEventRecorder events, Pod pod, Container c) =>
        events.Normal(pod, "Started", $"Started container {c.Name}", FieldPath(pod, c));

    /// <summary>A failed create or start: a pull failure as the kubelet words it, then "Error: …".</summary>
    public static void Failed(this IEventRecorder events, Pod pod, Container c, ContainerRuntimeException ex)
    {
        if (ex.Reason == "ErrImagePull")
        {
            events.Warning(pod, "Failed", ex.Message, FieldPath(pod, c));
            events.Warning(pod, "Failed", "Error: ErrImagePull", FieldPath(pod, c));
            return;
        }

        events.Warning(pod, "Failed", $"Error: {ex.Message}", FieldPath(pod, c));
    }

    /// <summary>A container whose configuration cannot be built (a missing ConfigMap or Secret).</summary>
    public static void FailedConfig(this IEventRecorder events, Pod pod, Container c, string error) =>
        events.Warning(pod, "Failed", $"Error: {error}", FieldPath(pod, c));

    /// <summary>The kubelet's "Back-off restarting failed container web in pod web-5d4f-x_default(uid)".</summary>
    public static void BackOff(this IEventRecorder events, Pod pod, Container c) =>
        events.Warning(pod, "BackOff", $"Back-off restarting failed container {c.Name} in pod {pod.Metadata.Name}_{pod.Metadata.Namespace}({pod.Metadata.Uid})", FieldPath(pod, c));

    /// <summary>Killing: "Stopping container web", or the probe's "Container web failed liveness probe, will be restarted".</summary>
    public static void Killing(this IEventRecorder events, Pod pod, Container c, string? message = null) =>
        events.Normal(pod, "Killing", message ?? $"Stopping container {c.Name}", FieldPath(pod, c));

    /// <summary>"Readiness probe failed: HTTP probe failed with statuscode: 500" (every failed probe, as the kubelet's prober).</summary>
    public static void Unhealthy(this IEventRecorder events, Pod pod, Container c, string probeKind, string? output) =>
        events.Warning(pod, "Unhealthy", $"{probeKind} probe failed: {output}", FieldPath(pod, c));
}

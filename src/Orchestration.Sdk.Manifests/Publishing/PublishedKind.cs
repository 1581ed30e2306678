using k8s;
using k8s.Models;

namespace Orchestration.Sdk.Manifests.Publishing;

/// <summary>
/// The KubernetesClient calls publish makes for one kind: server-side apply, list by label, delete. The typed
/// operations are used (not a generic path), so a real cluster gets exactly the requests the client library makes.
/// </summary>
/// <param name="Kind">The kind (<c>Deployment</c>).</param>
/// <param name="Order">Apply order: config first, then workloads, then what selects or scales them.</param>
/// <param name="Apply">Server-side apply: (client, patch, name, namespace, field manager, force, token).</param>
/// <param name="List">The metadata of the objects matching a label selector: (client, namespace, selector, token).</param>
/// <param name="Delete">Deletes one object with background propagation: (client, name, namespace, token).</param>
/// <param name="Prunable">
/// Whether publish deletes the app's objects of this kind that the declaration no longer declares. False for
/// PersistentVolumeClaims: a claim holds data, and deleting one is left to the user (<c>kubectl delete pvc</c>).
/// </param>
internal sealed record PublishedKind(
    string Kind,
    int Order,
    Func<IKubernetes, V1Patch, string, string, string, bool, CancellationToken, Task> Apply,
    Func<IKubernetes, string, string, CancellationToken, Task<IEnumerable<V1ObjectMeta>>> List,
    Func<IKubernetes, string, string, CancellationToken, Task> Delete,
    bool Prunable = true)
{
    private const string Background = "Background";

    /// <summary>Every kind a declaration exports, in apply order.</summary>
    public static IReadOnlyList<PublishedKind> All { get; } =
    [
        new("ConfigMap", 0,
            (c, p, n, ns, fm, f, t) => c.CoreV1.PatchNamespacedConfigMapAsync(p, n, ns, fieldManager: fm, force: f, cancellationToken: t),
            async (c, ns, s, t) => (await c.CoreV1.ListNamespacedConfigMapAsync(ns, labelSelector: s, cancellationToken: t).ConfigureAwait(false)).Items.Select(i => i.Metadata),
            (c, n, ns, t) => c.CoreV1.DeleteNamespacedConfigMapAsync(n, ns, propagationPolicy: Background, cancellationToken: t)),
        new("Secret", 0,
            (c, p, n, ns, fm, f, t) => c.CoreV1.PatchNamespacedSecretAsync(p, n, ns, fieldManager: fm, force: f, cancellationToken: t),
            async (c, ns, s, t) => (await c.CoreV1.ListNamespacedSecretAsync(ns, labelSelector: s, cancellationToken: t).ConfigureAwait(false)).Items.Select(i => i.Metadata),
            (c, n, ns, t) => c.CoreV1.DeleteNamespacedSecretAsync(n, ns, propagationPolicy: Background, cancellationToken: t)),
        new("PersistentVolumeClaim", 0,
            (c, p, n, ns, fm, f, t) => c.CoreV1.PatchNamespacedPersistentVolumeClaimAsync(p, n, ns, fieldManager: fm, force: f, cancellationToken: t),
            async (c, ns, s, t) => (await c.CoreV1.ListNamespacedPersistentVolumeClaimAsync(ns, labelSelector: s, cancellationToken: t).ConfigureAwait(false)).Items.Select(i => i.Metadata),
            (c, n, ns, t) => c.CoreV1.DeleteNamespacedPersistentVolumeClaimAsync(n, ns, propagationPolicy: Background, cancellationToken: t),
            Prunable: false),
        new("Deployment", 1,
            (c, p, n, ns, fm, f, t) => c.AppsV1.PatchNamespacedDeploymentAsync(p, n, ns, fieldManager: fm, force: f, cancellationToken: t),
            async (c, ns, s, t) => (await c.AppsV1.ListNamespacedDeploymentAsync(ns, labelSelector: s, cancellationToken: t).ConfigureAwait(false)).Items.Select(i => i.Metadata),
            (c, n, ns, t) => c.AppsV1.DeleteNamespacedDeploymentAsync(n, ns, propagationPolicy: Background, cancellationToken: t)),
        new("ReplicaSet", 1,
            (c, p, n, ns, fm, f, t) => c.AppsV1.PatchNamespacedReplicaSetAsync(p, n, ns, fieldManager: fm, force: f, cancellationToken: t),
            async (c, ns, s, t) => (await c.AppsV1.ListNamespacedReplicaSetAsync(ns, labelSelector: s, cancellationToken: t).ConfigureAwait(false)).Items.Select(i => i.Metadata),
            (c, n, ns, t) => c.AppsV1.DeleteNamespacedReplicaSetAsync(n, ns, propagationPolicy: Background, cancellationToken: t)),
        new("Pod", 1,
            (c, p, n, ns, fm, f, t) => c.CoreV1.PatchNamespacedPodAsync(p, n, ns, fieldManager: fm, force: f, cancellationToken: t),
            async (c, ns, s, t) => (await c.CoreV1.ListNamespacedPodAsync(ns, labelSelector: s, cancellationToken: t).ConfigureAwait(false)).Items.Select(i => i.Metadata),
            (c, n, ns, t) => c.CoreV1.DeleteNamespacedPodAsync(n, ns, propagationPolicy: Background, cancellationToken: t)),
        new("StatefulSet", 1,
            (c, p, n, ns, fm, f, t) => c.AppsV1.PatchNamespacedStatefulSetAsync(p, n, ns, fieldManager: fm, force: f, cancellationToken: t),
            async (c, ns, s, t) => (await c.AppsV1.ListNamespacedStatefulSetAsync(ns, labelSelector: s, cancellationToken: t).ConfigureAwait(false)).Items.Select(i => i.Metadata),
            (c, n, ns, t) => c.AppsV1.DeleteNamespacedStatefulSetAsync(n, ns, propagationPolicy: Background, cancellationToken: t)),
        new("Job", 1,
            (c, p, n, ns, fm, f, t) => c.BatchV1.PatchNamespacedJobAsync(p, n, ns, fieldManager: fm, force: f, cancellationToken: t),
            async (c, ns, s, t) => (await c.BatchV1.ListNamespacedJobAsync(ns, labelSelector: s, cancellationToken: t).ConfigureAwait(false)).Items.Select(i => i.Metadata),
            (c, n, ns, t) => c.BatchV1.DeleteNamespacedJobAsync(n, ns, propagationPolicy: Background, cancellationToken: t)),
        new("CronJob", 1,
            (c, p, n, ns, fm, f, t) => c.BatchV1.PatchNamespacedCronJobAsync(p, n, ns, fieldManager: fm, force: f, cancellationToken: t),
            async (c, ns, s, t) => (await c.BatchV1.ListNamespacedCronJobAsync(ns, labelSelector: s, cancellationToken: t).ConfigureAwait(false)).Items.Select(i => i.Metadata),
            (c, n, ns, t) => c.BatchV1.DeleteNamespacedCronJobAsync(n, ns, propagationPolicy: Background, cancellationToken: t)),
        new("Service", 2,
            (c, p, n, ns, fm, f, t) => c.CoreV1.PatchNamespacedServiceAsync(p, n, ns, fieldManager: fm, force: f, cancellationToken: t),
            async (c, ns, s, t) => (await c.CoreV1.ListNamespacedServiceAsync(ns, labelSelector: s, cancellationToken: t).ConfigureAwait(false)).Items.Select(i => i.Metadata),
            (c, n, ns, t) => c.CoreV1.DeleteNamespacedServiceAsync(n, ns, propagationPolicy: Background, cancellationToken: t)),
        new("HorizontalPodAutoscaler", 2,
            (c, p, n, ns, fm, f, t) => c.AutoscalingV2.PatchNamespacedHorizontalPodAutoscalerAsync(p, n, ns, fieldManager: fm, force: f, cancellationToken: t),
            async (c, ns, s, t) => (await c.AutoscalingV2.ListNamespacedHorizontalPodAutoscalerAsync(ns, labelSelector: s, cancellationToken: t).ConfigureAwait(false)).Items.Select(i => i.Metadata),
            (c, n, ns, t) => c.AutoscalingV2.DeleteNamespacedHorizontalPodAutoscalerAsync(n, ns, propagationPolicy: Background, cancellationToken: t)),
    ];

    /// <summary>The operations of a kind.</summary>
    /// <exception cref="NotSupportedException">The kind is not one a declaration exports.</exception>
    public static PublishedKind Of(string kind) =>
        All.FirstOrDefault(k => k.Kind == kind) ?? throw new NotSupportedException($"{kind} cannot be published: publish applies only {string.Join(", ", All.Select(k => k.Kind))}.");
}

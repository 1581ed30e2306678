using k8s;
using k8s.Models;

namespace Orchestration.Sdk.Manifests.Publishing;

/// <summary>
/// Waits until Deployments and StatefulSets have rolled out, with <c>kubectl rollout status</c>'s rules and wording:
/// a Deployment when its controller has observed the latest generation, every replica is updated, no old replica is
/// left and every updated one is available; a StatefulSet (RollingUpdate) when the latest generation is observed, every
/// replica is ready and every pod is at the update revision (above the partition, when one is set); an OnDelete
/// StatefulSet is not waited for (nothing rolls it out). Checks every <see cref="ManifestPublishOptions.PollInterval"/>
/// on the options' clock.
/// </summary>
internal static class RolloutWait
{
    /// <summary>The kinds waited for.</summary>
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(["Deployment", "StatefulSet"], StringComparer.Ordinal);

    /// <summary>Waits for <paramref name="workloads"/> (kind, name); returns them as <c>Kind/name</c> once rolled out.</summary>
    public static async Task<IReadOnlyList<string>> WaitAsync(IKubernetes client, string ns, IReadOnlyList<(string Kind, string Name)> workloads, ManifestPublishOptions options, IProgress<PublishProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = options.TimeProvider;
        var started = clock.GetTimestamp();
        var pending = new List<(string Kind, string Name)>(workloads);
        var last = new Dictionary<(string, string), string>();
        var done = new List<string>();
        while (true)
        {
            foreach (var (kind, name) in pending.ToList())
            {
                var (waiting, rolledOut) = await ReadAsync(client, ns, kind, name, cancellationToken).ConfigureAwait(false);
                if (waiting is not null)
                {
                    last[(kind, name)] = waiting;
                    continue;
                }

                pending.Remove((kind, name));
                done.Add($"{kind}/{name}");
                progress?.Report(new PublishProgress(PublishStage.RolledOut, kind, name, rolledOut));
            }

            if (pending.Count == 0)
            {
                return done;
            }

            if (clock.GetElapsedTime(started) >= options.RolloutTimeout)
            {
                throw new TimeoutException($"The rollout of {pending.Count} workload(s) did not finish within {options.RolloutTimeout} (ManifestPublishOptions.RolloutTimeout): " +
                    string.Join("; ", pending.Select(w => last[w])));
            }

            // The delay's timer exists before progress is reported, so a test that advances a fake clock on a report
            // always moves this wait on.
            var delay = Task.Delay(options.PollInterval, clock, cancellationToken);
            foreach (var (kind, name) in pending)
            {
                progress?.Report(new PublishProgress(PublishStage.Waiting, kind, name, last[(kind, name)]));
            }

            await delay.ConfigureAwait(false);
        }
    }

    /// <summary>What the workload still waits for (null when rolled out), and kubectl's words for a finished rollout.</summary>
    private static async Task<(string? Waiting, string RolledOut)> ReadAsync(IKubernetes client, string ns, string kind, string name, CancellationToken cancellationToken)
    {
        if (kind == "StatefulSet")
        {
            var set = await client.AppsV1.ReadNamespacedStatefulSetAsync(name, ns, cancellationToken: cancellationToken).ConfigureAwait(false);
            return (Status(set), RolledOut(set));
        }

        var deployment = await client.AppsV1.ReadNamespacedDeploymentAsync(name, ns, cancellationToken: cancellationToken).ConfigureAwait(false);
        return (Status(deployment), $"deployment \"{name}\" successfully rolled out");
    }

    /// <summary>What the StatefulSet still waits for, in kubectl's words, or null when it has rolled out (or is OnDelete).</summary>
    internal static string? Status(V1StatefulSet set)
    {
        if (set.Spec?.UpdateStrategy?.Type is "OnDelete")
        {
            return null;
        }

        var status = set.Status;
        if (status is null || (status.ObservedGeneration ?? 0) == 0 || (set.Metadata.Generation ?? 0) > status.ObservedGeneration)
        {
            return "Waiting for statefulset spec update to be observed...";
        }

        var wanted = set.Spec?.Replicas ?? 1;
        if ((status.ReadyReplicas ?? 0) < wanted)
        {
            return $"Waiting for {wanted - (status.ReadyReplicas ?? 0)} pods to be ready...";
        }

        if (set.Spec?.UpdateStrategy?.RollingUpdate?.Partition is > 0 and var partition)
        {
            var toUpdate = wanted - partition;
            return (status.UpdatedReplicas ?? 0) < toUpdate
                ? $"Waiting for partitioned roll out to finish: {status.UpdatedReplicas ?? 0} out of {toUpdate} new pods have been updated..."
                : null;
        }

        return status.UpdateRevision != status.CurrentRevision
            ? $"waiting for statefulset rolling update to complete {status.UpdatedReplicas ?? 0} pods at revision {status.UpdateRevision}..."
            : null;
    }

    private static string RolledOut(V1StatefulSet set) =>
        set.Spec?.UpdateStrategy?.RollingUpdate?.Partition is > 0
            ? $"partitioned roll out complete: {set.Status?.UpdatedReplicas ?? 0} new pods have been updated..."
            : $"statefulset rolling update complete {set.Status?.CurrentReplicas ?? 0} pods at revision {set.Status?.CurrentRevision}...";

    /// <summary>What the Deployment still waits for, in kubectl's words, or null when it has rolled out.</summary>
    internal static string? Status(V1Deployment deployment)
    {
        var name = deployment.Metadata.Name;
        var status = deployment.Status;
        var wanted = deployment.Spec?.Replicas ?? 1;
        if (status is null || (status.ObservedGeneration ?? 0) < (deployment.Metadata.Generation ?? 0))
        {
            return $"Waiting for deployment \"{name}\" spec update to be observed...";
        }

        var updated = status.UpdatedReplicas ?? 0;
        if (updated < wanted)
        {
            return $"Waiting for deployment \"{name}\" rollout to finish: {updated} out of {wanted} new replicas have been updated...";
        }

        if ((status.Replicas ?? 0) > updated)
        {
            return $"Waiting for deployment \"{name}\" rollout to finish: {status.Replicas - updated} old replicas are pending termination...";
        }

        var available = status.AvailableReplicas ?? 0;
        return available < updated
            ? $"Waiting for deployment \"{name}\" rollout to finish: {available} of {updated} updated replicas are available..."
            : null;
    }
}

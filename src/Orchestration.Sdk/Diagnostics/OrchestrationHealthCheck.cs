using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Diagnostics;

/// <summary>
/// The cluster's health as a host's health endpoint reports it. Unhealthy: a deployment is not available
/// (Available=False) or its rollout exceeded its progress deadline (Progressing=False, ProgressDeadlineExceeded).
/// Degraded: a pod's container is in CrashLoopBackOff, or a pod is unschedulable (PodScheduled=False, Unschedulable).
/// Healthy otherwise. The description names each deployment and pod with its reason; <see cref="HealthCheckResult.Data"/>
/// lists them by key ("unavailable", "progressDeadlineExceeded", "crashLooping", "unschedulable").
/// Register it with <c>AddOrchestrationHealthChecks()</c> (package Orchestration.Sdk.HealthChecks), or resolve it from
/// the service provider and add it to any health check system.
/// </summary>
/// <param name="client">The client it lists deployments and pods through (every namespace).</param>
public sealed class OrchestrationHealthCheck(IResourceClient client) : IHealthCheck
{
    private const string ProgressDeadlineExceeded = "ProgressDeadlineExceeded";
    private const string CrashLoopBackOff = "CrashLoopBackOff";
    private const string Unschedulable = "Unschedulable";

    /// <summary>Lists the deployments and pods and reports the cluster's health; never throws for an unhealthy cluster.</summary>
    /// <param name="context">The health check's context (its registration's failure status is used for unavailable deployments).</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>Healthy, Degraded or the registration's failure status, with a description naming each problem.</returns>
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var deployments = (await client.ListAsync<Deployment>(cancellationToken: cancellationToken).ConfigureAwait(false)).Items;
        var pods = (await client.ListAsync<Pod>(cancellationToken: cancellationToken).ConfigureAwait(false)).Items;

        var unhealthy = new List<string>();
        var unavailable = new List<string>();
        var deadline = new List<string>();
        foreach (var d in deployments.Where(d => d.Metadata.DeletionTimestamp is null).OrderBy(Display, StringComparer.Ordinal))
        {
            var available = d.Status.Conditions.Find(DeploymentConditionType.Available);
            if (available is not null && available.Status == ConditionStatus.False)
            {
                unavailable.Add(Display(d));
                unhealthy.Add($"deployment {Display(d)} is not available{Because(available)}");
            }

            var progressing = d.Status.Conditions.Find(DeploymentConditionType.Progressing);
            if (progressing is { Reason: ProgressDeadlineExceeded } && progressing.Status == ConditionStatus.False)
            {
                deadline.Add(Display(d));
                unhealthy.Add($"deployment {Display(d)} exceeded its progress deadline{Because(progressing)}");
            }
        }

        var degraded = new List<string>();
        var crashLooping = new List<string>();
        var unschedulable = new List<string>();
        foreach (var p in pods.Where(p => p.Metadata.DeletionTimestamp is null).OrderBy(Display, StringComparer.Ordinal))
        {
            var looping = p.Status.ContainerStatuses.Where(c => c.State.Waiting?.Reason == CrashLoopBackOff).Select(c => c.Name).ToList();
            if (looping.Count > 0)
            {
                crashLooping.Add(Display(p));
                degraded.Add($"pod {Display(p)} is crash-looping (CrashLoopBackOff: container {string.Join(", ", looping)})");
            }

            var scheduled = p.Status.Conditions.Find(PodConditionType.PodScheduled);
            if (scheduled is { Reason: Unschedulable } && scheduled.Status == ConditionStatus.False)
            {
                unschedulable.Add(Display(p));
                degraded.Add($"pod {Display(p)} is unschedulable{Because(scheduled)}");
            }
        }

        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        AddIfAny(data, "unavailable", unavailable);
        AddIfAny(data, "progressDeadlineExceeded", deadline);
        AddIfAny(data, "crashLooping", crashLooping);
        AddIfAny(data, "unschedulable", unschedulable);

        if (unhealthy.Count > 0)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, string.Join("; ", unhealthy.Concat(degraded)), data: data);
        }

        if (degraded.Count > 0)
        {
            // Degraded, unless the registration's failure status is milder still (HealthStatus orders Unhealthy < Degraded < Healthy).
            var status = context.Registration.FailureStatus > HealthStatus.Degraded ? context.Registration.FailureStatus : HealthStatus.Degraded;
            return new HealthCheckResult(status, string.Join("; ", degraded), data: data);
        }

        return HealthCheckResult.Healthy($"{Count(deployments.Count, "deployment")} available, {Count(pods.Count, "pod")} without crash loops or scheduling failures");
    }

    private static string Display(Resource r) => r.Metadata.Namespace.Length == 0 ? r.Metadata.Name : $"{r.Metadata.Namespace}/{r.Metadata.Name}";

    private static string Because(Condition c) => (c.Reason, c.Message) switch
    {
        (null or "", null or "") => string.Empty,
        (_, null or "") => $" ({c.Reason})",
        (null or "", _) => $" ({c.Message})",
        _ => $" ({c.Reason}: {c.Message})",
    };

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static void AddIfAny(Dictionary<string, object> data, string key, List<string> names)
    {
        if (names.Count > 0)
        {
            data[key] = names.ToArray();
        }
    }
}

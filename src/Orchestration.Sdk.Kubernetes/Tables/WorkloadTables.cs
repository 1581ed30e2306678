using System.Globalization;
using Orchestration.Sdk.Autoscaling;
using Orchestration.Sdk.Model;
using static Orchestration.Sdk.Kubernetes.Tables.KindTable;

namespace Orchestration.Sdk.Kubernetes.Tables;

/// <summary>The Tables of pods, deployments, replica sets and autoscalers, with a real cluster's columns and cells.</summary>
internal static class WorkloadTables
{
    public static readonly KindTable Pods = new(
        [Name, new("Ready"), new("Status"), new("Restarts", "string"), Age, new("IP", Priority: 1), new("Node", Priority: 1), new("Nominated Node", Priority: 1), new("Readiness Gates", Priority: 1)],
        (r, now) =>
        {
            var pod = (Pod)r;
            var ready = pod.Status.ContainerStatuses.Count(c => c.Ready && c.State.Running is not null);
            return [pod.Metadata.Name, $"{I(ready)}/{I(pod.Spec.Containers.Count)}", PodStatusText(pod), Restarts(pod, now), AgeOf(pod, now),
                pod.Status.PodIP ?? None, pod.Spec.NodeName ?? None, None, None];
        });

    public static readonly KindTable Deployments = new(
        [Name, new("Ready"), new("Up-to-date", "integer"), new("Available", "integer"), Age, new("Containers", Priority: 1), new("Images", Priority: 1), new("Selector", Priority: 1)],
        (r, now) =>
        {
            var d = (Deployment)r;
            return [d.Metadata.Name, $"{I(d.Status.ReadyReplicas)}/{I(d.Spec.Replicas)}", d.Status.UpdatedReplicas, d.Status.AvailableReplicas, AgeOf(d, now),
                Containers(d.Spec.Template), Images(d.Spec.Template), Labels(d.Spec.Selector.MatchLabels)];
        });

    public static readonly KindTable ReplicaSets = new(
        [Name, new("Desired", "integer"), new("Current", "integer"), new("Ready", "integer"), Age, new("Containers", Priority: 1), new("Images", Priority: 1), new("Selector", Priority: 1)],
        (r, now) =>
        {
            var rs = (ReplicaSet)r;
            return [rs.Metadata.Name, rs.Spec.Replicas, rs.Status.Replicas, rs.Status.ReadyReplicas, AgeOf(rs, now),
                Containers(rs.Spec.Template), Images(rs.Spec.Template), Labels(rs.Spec.Selector.MatchLabels)];
        });

    public static readonly KindTable Autoscalers = new(
        [Name, new("Reference"), new("Targets"), new("MinPods"), new("MaxPods", "integer"), new("Replicas", "integer"), Age],
        (r, now) =>
        {
            var h = (HorizontalPodAutoscaler)r;
            return [h.Metadata.Name, $"Deployment/{h.Spec.ScaleTargetName}", Targets(h), I(h.Spec.MinReplicas), h.Spec.MaxReplicas, h.Status.CurrentReplicas, AgeOf(h, now)];
        });

    /// <summary>The STATUS column, as kubectl's printPod.</summary>
    public static string PodStatusText(Pod pod) => PodDisplayStatus.Of(pod);

    private static string Restarts(Pod pod, DateTimeOffset now)
    {
        // As printPod: while init containers run, their restarts; afterwards the app containers'.
        var initializing = pod.Status.InitContainerStatuses.Any(c => c.State.Terminated is not { ExitCode: 0 }) &&
            pod.Status.Conditions.Find(PodConditionType.Initialized)?.IsTrue != true;
        var statuses = initializing ? pod.Status.InitContainerStatuses : pod.Status.ContainerStatuses;
        var restarts = statuses.Sum(c => c.RestartCount);
        var last = statuses.Select(c => c.LastState?.Terminated?.FinishedAt).Where(t => t is not null).Max();
        return restarts > 0 && last is { } at ? $"{I(restarts)} ({HumanDuration.Format(now - at)} ago)" : I(restarts);
    }

    private static string Targets(HorizontalPodAutoscaler h) =>
        h.Spec.Metrics.Count == 0 ? "<none>" : string.Join(", ", h.Spec.Metrics.Select(m =>
        {
            var current = h.Status.CurrentMetrics.FirstOrDefault(c => c.Name == m.Name);
            var target = m.Target.AverageUtilization is { } u ? $"{I(u)}%" : (m.Target.AverageValue ?? m.Target.Value)?.ToString() ?? "<unknown>";
            var now = current is null ? "<unknown>" : current.AverageUtilization is { } cu ? $"{I(cu)}%" : current.Value.ToString(CultureInfo.InvariantCulture);
            return $"{m.Name}: {now}/{target}";
        }));

    private static string Containers(PodTemplateSpec t) => string.Join(",", t.Spec.Containers.Select(c => c.Name));

    private static string Images(PodTemplateSpec t) => string.Join(",", t.Spec.Containers.Select(c => c.Image));

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}

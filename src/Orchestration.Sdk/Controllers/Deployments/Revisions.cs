using System.Globalization;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Controllers.Deployments;

/// <summary>Revision numbers of a deployment's ReplicaSets, and the template a revision ran.</summary>
internal static class Revisions
{
    public static long Of(ReplicaSet rs) =>
        long.TryParse(rs.Metadata.Annotations.GetValueOrDefault(ReplicaSet.RevisionAnnotation), CultureInfo.InvariantCulture, out var v) ? v : 0;

    public static string Text(long revision) => revision.ToString(CultureInfo.InvariantCulture);

    /// <summary>The deployment template a ReplicaSet was made from (its pod-template-hash label removed).</summary>
    public static PodTemplateSpec TemplateOf(ReplicaSet rs) => rs.Spec.Template with
    {
        Labels = rs.Spec.Template.Labels.Where(l => l.Key != ReplicaSet.PodTemplateHashLabel).ToDictionary(l => l.Key, l => l.Value),
    };

    /// <summary>
    /// The ReplicaSet running <paramref name="template"/>, as Kubernetes' FindNewReplicaSet: its template equals the
    /// deployment's once the pod-template-hash label is removed (by value, so the order labels were declared in and the
    /// hash a previous version computed do not matter). The oldest wins if several do.
    /// </summary>
    public static ReplicaSet? Running(IEnumerable<ReplicaSet> owned, PodTemplateSpec template) => owned
        .Where(r => TemplateOf(r) == template)
        .OrderBy(r => r.Metadata.CreationTimestamp)
        .FirstOrDefault();

    /// <summary>The ReplicaSet of the revision before <paramref name="current"/>, or null.</summary>
    public static ReplicaSet? Previous(IEnumerable<ReplicaSet> owned, ReplicaSet current, Func<ReplicaSet, bool>? allowed = null) => owned
        .Where(r => Of(r) < Of(current) && r.Metadata.Uid != current.Metadata.Uid && (allowed?.Invoke(r) ?? true))
        .OrderByDescending(Of)
        .FirstOrDefault();
}

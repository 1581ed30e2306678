using Orchestration.Sdk.Model;
using Orchestration.Sdk.Storage;

namespace Orchestration.Sdk.Scheduling;

/// <summary>
/// Places a pod that uses claims, as kube-scheduler's VolumeBinding plugin with local volumes (WaitForFirstConsumer):
/// a missing or deleting claim makes the pod unschedulable everywhere; a claim whose volume is on a node (its selected
/// node) admits that node only; a claim not yet bound admits every node, and the scheduler records the chosen node on
/// it when it binds the pod.
/// </summary>
internal sealed class VolumeBindingPlugin(Func<ObjectKey, PersistentVolumeClaim?> claims) : IFilterPlugin
{
    public const string PluginName = "VolumeBinding";

    /// <summary>Kubernetes' ErrReasonNodeConflict.</summary>
    public const string ReasonNodeConflict = "node(s) had volume node affinity conflict";

    private static readonly FilterStatus Conflict = new(StatusCode.UnschedulableAndUnresolvable, PluginName, ReasonNodeConflict);

    public string Name => PluginName;

    public FilterStatus Filter(PodInfo pod, NodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        if (!pod.HasClaims)
        {
            return FilterStatus.Success;
        }

        foreach (var volume in pod.Pod.Spec.Volumes)
        {
            if (volume.PersistentVolumeClaim is not { } source)
            {
                continue;
            }

            var claim = claims(new ObjectKey(PersistentVolumeClaim.KindName, pod.Pod.Metadata.Namespace, source.ClaimName));
            if (claim is null)
            {
                return new FilterStatus(StatusCode.UnschedulableAndUnresolvable, PluginName, $"persistentvolumeclaim \"{source.ClaimName}\" not found");
            }

            if (claim.Metadata.DeletionTimestamp is not null)
            {
                return new FilterStatus(StatusCode.UnschedulableAndUnresolvable, PluginName, $"persistentvolumeclaim \"{source.ClaimName}\" is being deleted");
            }

            if (claim.SelectedNode is { } selected && selected != node.Name)
            {
                return Conflict;
            }
        }

        return FilterStatus.Success;
    }
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestration.Sdk.Controllers.Engine;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Storage;

/// <summary>
/// Binds claims to local volumes, as Kubernetes' volume binder with a local provisioner in WaitForFirstConsumer mode:
/// once the scheduler has recorded a node for a claim (<see cref="PersistentVolumeClaim.SelectedNodeAnnotation"/>), the
/// claim gets the volume name <c>pvc-&lt;claim uid&gt;</c>, then phase Bound with the requested capacity. The runtime of
/// that node makes the volume on its first mount. A deleted claim with reclaim policy Delete has its volume removed
/// from the node first (the <see cref="WellKnownFinalizers.LocalVolume"/> finalizer holds it until then; a volume still
/// in use is retried with back-off); with Retain (the default) the claim goes at once and the data stays.
/// </summary>
internal sealed class LocalVolumeProvisioner(ResourceStore store, ISharedInformerFactory informers, TimeProvider time, IOptions<ControllerOptions> options, ILogger<LocalVolumeProvisioner> logger, INodeProvider nodes, Runtime.NodeAgents.NodeAgentManager agents, Orchestration.Sdk.Diagnostics.OrchestrationMetrics? metrics = null)
    : Controller("persistentvolume-binder-controller", store, informers, time, options.Value, logger, metrics)
{
    protected override IReadOnlyList<WatchSource> Sources { get; } = [WatchSource.Self(PersistentVolumeClaim.KindName)];

    /// <summary>The volume name a claim is bound to.</summary>
    public static string VolumeNameOf(PersistentVolumeClaim claim) => "pvc-" + claim.Metadata.Uid;

    protected override async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var claim = Store.Get<PersistentVolumeClaim>(key);
        if (claim is null)
        {
            return ReconcileResult.Done;
        }

        if (claim.Metadata.DeletionTimestamp is not null)
        {
            await ReclaimAsync(claim, cancellationToken).ConfigureAwait(false);
            return ReconcileResult.Done;
        }

        if (claim.SelectedNode is null)
        {
            return ReconcileResult.Done;
        }

        if (claim.Spec.VolumeName is null)
        {
            var deletes = claim.Spec.ReclaimPolicy == PersistentVolumeReclaimPolicy.Delete;
            Store.Mutate<PersistentVolumeClaim>(key, c => c.Spec.VolumeName is not null || c.Metadata.Uid != claim.Metadata.Uid ? c : c with
            {
                Spec = c.Spec with { VolumeName = VolumeNameOf(c) },
                Metadata = deletes && !c.Metadata.Finalizers.Contains(WellKnownFinalizers.LocalVolume)
                    ? c.Metadata with { Finalizers = [.. c.Metadata.Finalizers, WellKnownFinalizers.LocalVolume] }
                    : c.Metadata,
            });
            return ReconcileResult.Done; // the update brings the key back
        }

        if (claim.Status.Phase != PersistentVolumeClaimPhase.Bound)
        {
            Store.Mutate<PersistentVolumeClaim>(key, c => c.Status.Phase == PersistentVolumeClaimPhase.Bound ? c : c with
            {
                Status = new PersistentVolumeClaimStatus
                {
                    Phase = PersistentVolumeClaimPhase.Bound,
                    AccessModes = c.Spec.AccessModes,
                    Capacity = c.Spec.StorageRequest,
                },
            }, statusOnly: true);

            // The agents of pods waiting for this claim try again now rather than at their retry time.
            foreach (var pod in Informers.For<Pod>().List().Where(p => p.Metadata.Namespace == claim.Metadata.Namespace && p.Spec.NodeName is not null
                && p.Spec.Volumes.Any(v => v.PersistentVolumeClaim?.ClaimName == claim.Metadata.Name)))
            {
                agents.RequestSync(pod);
            }
        }

        return ReconcileResult.Done;
    }

    private async Task ReclaimAsync(PersistentVolumeClaim claim, CancellationToken cancellationToken)
    {
        if (!claim.Metadata.Finalizers.Contains(WellKnownFinalizers.LocalVolume))
        {
            return;
        }

        if (claim.Spec.VolumeName is { } volume && nodes.Nodes.FirstOrDefault(n => n.Name == claim.SelectedNode) is { } node)
        {
            await node.Runtime.RemoveVolumeAsync(volume, cancellationToken).ConfigureAwait(false);
        }

        Store.Mutate<PersistentVolumeClaim>(claim.Key, c => c.Metadata.Uid != claim.Metadata.Uid ? c : c with
        {
            Metadata = c.Metadata with { Finalizers = [.. c.Metadata.Finalizers.Where(f => f != WellKnownFinalizers.LocalVolume)] },
        });
    }
}

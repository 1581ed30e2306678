using System.Globalization;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.StatefulSets;
using Orchestration.Sdk.Storage;
using static Orchestration.Sdk.Kubernetes.Tables.KindTable;

namespace Orchestration.Sdk.Kubernetes.Tables;

/// <summary>
/// The Tables of PersistentVolumeClaims, StatefulSets and CronJobs, with a real cluster's columns and cells
/// (kubectl's printPersistentVolumeClaim, printStatefulSet and printCronJob at 1.32).
/// </summary>
internal static class StorageTables
{
    /// <summary>A 1.32 cluster prints VOLUMEATTRIBUTESCLASS too (<c>&lt;unset&gt;</c> here: the SDK has no volume attributes classes).</summary>
    public static readonly KindTable Claims = new(
        [Name, new("Status"), new("Volume"), new("Capacity"), new("Access Modes"), new("StorageClass"), new("VolumeAttributesClass"), Age, new("VolumeMode", Priority: 1)],
        (r, now) =>
        {
            var claim = (PersistentVolumeClaim)r;
            var bound = claim.Status.Phase == PersistentVolumeClaimPhase.Bound;
            return [claim.Metadata.Name,
                claim.Metadata.DeletionTimestamp is not null ? "Terminating" : claim.Status.Phase.ToString(),
                claim.Spec.VolumeName ?? string.Empty,
                bound && claim.Status.Capacity is { } capacity ? capacity.ToString() : string.Empty,
                bound ? Short(claim.Status.AccessModes) : string.Empty,
                claim.Spec.StorageClassName ?? string.Empty,
                "<unset>",
                AgeOf(claim, now),
                "Filesystem"];
        });

    public static readonly KindTable StatefulSets = new(
        [Name, new("Ready"), Age, new("Containers", Priority: 1), new("Images", Priority: 1)],
        (r, now) =>
        {
            var set = (StatefulSet)r;
            var t = set.Spec.Template.Spec;
            return [set.Metadata.Name, $"{I(set.Status.ReadyReplicas)}/{I(set.Spec.Replicas)}", AgeOf(set, now),
                string.Join(",", t.Containers.Select(c => c.Name)), string.Join(",", t.Containers.Select(c => c.Image))];
        });

    public static readonly KindTable CronJobs = new(
        [Name, new("Schedule"), new("Timezone"), new("Suspend", "boolean"), new("Active", "integer"), new("Last Schedule"), Age,
            new("Containers", Priority: 1), new("Images", Priority: 1), new("Selector", Priority: 1)],
        (r, now) =>
        {
            var cronJob = (CronJob)r;
            var t = cronJob.Spec.JobTemplate.Spec.Template.Spec;
            return [cronJob.Metadata.Name, cronJob.Spec.Schedule, cronJob.Spec.TimeZone ?? None, cronJob.Spec.Suspend ? "True" : "False",
                cronJob.Status.Active.Count,
                cronJob.Status.LastScheduleTime is { } last ? HumanDuration.Format(now - last) : None,
                AgeOf(cronJob, now),
                string.Join(",", t.Containers.Select(c => c.Name)), string.Join(",", t.Containers.Select(c => c.Image)), None];
        });

    /// <summary>kubectl's short access modes (RWO, ROX, RWX, RWOP), comma separated.</summary>
    public static string Short(IEnumerable<PersistentVolumeAccessMode> modes) => string.Join(",", modes.Select(m => m switch
    {
        PersistentVolumeAccessMode.ReadWriteOnce => "RWO",
        PersistentVolumeAccessMode.ReadOnlyMany => "ROX",
        PersistentVolumeAccessMode.ReadWriteMany => "RWX",
        PersistentVolumeAccessMode.ReadWriteOncePod => "RWOP",
        _ => m.ToString(),
    }));

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}

using System.Text.Json;
using k8s.Models;
using Orchestration.Sdk.Kubernetes.Wire;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.StatefulSets;
using Orchestration.Sdk.Storage;

namespace Orchestration.Sdk.Kubernetes.Tests.Wire;

public sealed class StorageMappingTests
{
    private static readonly DateTimeOffset Created = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    [Fact]
    public void PersistentVolumeClaim_SdkToWireToSdk_IsEqual_ReclaimPolicyInAnnotation()
    {
        var claim = new PersistentVolumeClaim
        {
            Metadata = new ObjectMeta { Name = "data", Uid = "u1", ResourceVersion = 3, CreationTimestamp = Created, Annotations = new Dictionary<string, string> { ["team"] = "db" } },
            Spec = new PersistentVolumeClaimSpec
            {
                AccessModes = [PersistentVolumeAccessMode.ReadWriteOnce, PersistentVolumeAccessMode.ReadOnlyMany],
                StorageRequest = Quantity.Parse("2Gi"),
                StorageClassName = "local",
                ReclaimPolicy = PersistentVolumeReclaimPolicy.Delete,
                VolumeName = "pvc-u1",
            },
            Status = new PersistentVolumeClaimStatus { Phase = PersistentVolumeClaimPhase.Bound, AccessModes = [PersistentVolumeAccessMode.ReadWriteOnce], Capacity = Quantity.Parse("2Gi") },
        };

        var wire = StorageMapper.ToWire(claim);
        var back = StorageMapper.FromWire(wire);

        Assert.Equal(JsonSerializer.Serialize(claim), JsonSerializer.Serialize(back));
        Assert.Equal(("v1", "PersistentVolumeClaim"), (wire.ApiVersion, wire.Kind));
        Assert.Equal("2Gi", wire.Spec.Resources.Requests["storage"].ToString());
        Assert.Equal(["ReadWriteOnce", "ReadOnlyMany"], wire.Spec.AccessModes);
        Assert.Equal(("pvc-u1", "Bound", "Filesystem"), (wire.Spec.VolumeName, wire.Status.Phase, wire.Spec.VolumeMode));
        Assert.Equal("Delete", wire.Metadata.Annotations[StorageMapper.ReclaimPolicyAnnotation]);
        Assert.False(back.Metadata.Annotations.ContainsKey(StorageMapper.ReclaimPolicyAnnotation));
    }

    [Fact]
    public void PersistentVolumeClaim_FromWire_Minimal_PendingRetain()
    {
        var claim = StorageMapper.FromWire(new V1PersistentVolumeClaim
        {
            Metadata = new V1ObjectMeta { Name = "c" },
            Spec = new V1PersistentVolumeClaimSpec
            {
                AccessModes = ["ReadWriteOnce"],
                Resources = new V1VolumeResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new("1Gi") } },
            },
        });

        Assert.Equal((PersistentVolumeClaimPhase.Pending, PersistentVolumeReclaimPolicy.Retain, "default"), (claim.Status.Phase, claim.Spec.ReclaimPolicy, claim.Metadata.Namespace));
        Assert.Equal(Quantity.Parse("1Gi"), claim.Spec.StorageRequest);
        Assert.Null(claim.Spec.VolumeName);
    }

    [Fact]
    public void StatefulSet_SdkToWireToSdk_IsEqual()
    {
        var set = new StatefulSet
        {
            Metadata = new ObjectMeta { Name = "db", Uid = "u2", ResourceVersion = 5, Generation = 2, CreationTimestamp = Created },
            Spec = new StatefulSetSpec
            {
                Replicas = 2,
                ServiceName = "db",
                Selector = new LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "db" } },
                PodManagementPolicy = PodManagementPolicy.Parallel,
                UpdateStrategy = new StatefulSetUpdateStrategy { Partition = 1 },
                Template = new PodTemplateSpec
                {
                    Labels = new Dictionary<string, string> { ["app"] = "db" },
                    Spec = new PodSpec
                    {
                        Containers = [new Container { Name = "db", Image = "postgres:16", VolumeMounts = [new VolumeMount { Name = "data", MountPath = "/var/lib/db" }, new VolumeMount { Name = "tmp", MountPath = "/tmp", ReadOnly = true, SubPath = "x" }] }],
                        Volumes = [new Volume { Name = "tmp", EmptyDir = new EmptyDirVolumeSource { Medium = StorageMedium.Memory, SizeLimit = Quantity.Parse("64Mi") } }],
                    },
                },
                VolumeClaimTemplates = [new PersistentVolumeClaimTemplate
                {
                    Name = "data",
                    Spec = new PersistentVolumeClaimSpec { AccessModes = [PersistentVolumeAccessMode.ReadWriteOnce], StorageRequest = Quantity.Parse("1Gi"), ReclaimPolicy = PersistentVolumeReclaimPolicy.Delete },
                }],
            },
            Status = new StatefulSetStatus { ObservedGeneration = 2, Replicas = 2, ReadyReplicas = 1, AvailableReplicas = 1, CurrentReplicas = 2, UpdatedReplicas = 2, CurrentRevision = "db-1", UpdateRevision = "db-1" },
        };

        var wire = StorageMapper.ToWire(set);
        var back = StorageMapper.FromWire(wire);

        Assert.Equal(JsonSerializer.Serialize(set), JsonSerializer.Serialize(back));
        Assert.Equal(("apps/v1", "Parallel", "RollingUpdate", 1), (wire.ApiVersion, wire.Spec.PodManagementPolicy, wire.Spec.UpdateStrategy.Type, wire.Spec.UpdateStrategy.RollingUpdate.Partition));
        var template = Assert.Single(wire.Spec.VolumeClaimTemplates);
        Assert.Equal(("data", "1Gi"), (template.Metadata.Name, template.Spec.Resources.Requests["storage"].ToString()));
        Assert.Equal("Memory", Assert.Single(wire.Spec.Template.Spec.Volumes).EmptyDir.Medium);
        Assert.Equal(["data", "tmp"], wire.Spec.Template.Spec.Containers[0].VolumeMounts.Select(m => m.Name));
    }

    [Fact]
    public void StatefulSet_FromWire_KubeApiserverDefaults()
    {
        var set = StorageMapper.FromWire(new V1StatefulSet { Metadata = new V1ObjectMeta { Name = "s" }, Spec = new V1StatefulSetSpec { Template = new V1PodTemplateSpec() } });

        Assert.Equal((1, PodManagementPolicy.OrderedReady, StatefulSetUpdateStrategyType.RollingUpdate, 0), (set.Spec.Replicas, set.Spec.PodManagementPolicy, set.Spec.UpdateStrategy.Type, set.Spec.UpdateStrategy.Partition));
    }

    [Fact]
    public void CronJob_SdkToWireToSdk_IsEqual()
    {
        var cronJob = new CronJob
        {
            Metadata = new ObjectMeta { Name = "nightly", Uid = "u3", ResourceVersion = 7, Generation = 1, CreationTimestamp = Created },
            Spec = new CronJobSpec
            {
                Schedule = "0 3 * * *",
                TimeZone = "Etc/UTC",
                StartingDeadlineSeconds = 100,
                ConcurrencyPolicy = ConcurrencyPolicy.Forbid,
                Suspend = true,
                SuccessfulJobsHistoryLimit = 5,
                FailedJobsHistoryLimit = 2,
                JobTemplate = new JobTemplateSpec
                {
                    Labels = new Dictionary<string, string> { ["app"] = "nightly" },
                    Spec = new JobSpec
                    {
                        BackoffLimit = 2,
                        Template = new PodTemplateSpec { Spec = new PodSpec { RestartPolicy = RestartPolicy.Never, Containers = [new Container { Name = "report", Image = "report:1" }] } },
                    },
                },
            },
            Status = new CronJobStatus { Active = [new JobReference("nightly-1", "j1")], LastScheduleTime = Created.AddHours(1), LastSuccessfulTime = Created },
        };

        var wire = BatchMapper.ToWire(cronJob);
        var back = BatchMapper.FromWire(wire);

        Assert.Equal(JsonSerializer.Serialize(cronJob), JsonSerializer.Serialize(back));
        Assert.Equal(("batch/v1", "Forbid", true), (wire.ApiVersion, wire.Spec.ConcurrencyPolicy, wire.Spec.Suspend));
        Assert.Equal(("Job", "nightly-1"), (wire.Status.Active[0].Kind, wire.Status.Active[0].Name));
        Assert.Null(wire.Spec.JobTemplate.Spec.Selector);
    }

    [Fact]
    public void CronJob_FromWire_KubeApiserverDefaults()
    {
        var cronJob = BatchMapper.FromWire(new V1CronJob { Metadata = new V1ObjectMeta { Name = "c" }, Spec = new V1CronJobSpec { Schedule = "* * * * *", JobTemplate = new V1JobTemplateSpec() } });

        Assert.Equal((ConcurrencyPolicy.Allow, false, 3, 1), (cronJob.Spec.ConcurrencyPolicy, cronJob.Spec.Suspend, cronJob.Spec.SuccessfulJobsHistoryLimit, cronJob.Spec.FailedJobsHistoryLimit));
        Assert.Equal(6, cronJob.Spec.JobTemplate.Spec.BackoffLimit);
    }
}

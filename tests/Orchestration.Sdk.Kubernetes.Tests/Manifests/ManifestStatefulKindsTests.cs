using Orchestration.Sdk.Manifests;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.StatefulSets;
using Orchestration.Sdk.Storage;

namespace Orchestration.Sdk.Kubernetes.Tests.Manifests;

/// <summary>Manifests declare StatefulSets, PersistentVolumeClaims and CronJobs, and export them back.</summary>
public sealed class ManifestStatefulKindsTests
{
    private const string Yaml = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
        spec:
          replicas: 1
          serviceName: db
          selector:
            matchLabels:
              app: db
          template:
            metadata:
              labels:
                app: db
            spec:
              initContainers:
              - name: migrate
                image: db-migrate:3
                command: ["/migrate", "--to", "latest"]
              containers:
              - name: db
                image: postgres:16
                volumeMounts:
                - name: data
                  mountPath: /var/lib/db
          volumeClaimTemplates:
          - metadata:
              name: data
            spec:
              accessModes: [ReadWriteOnce]
              resources:
                requests:
                  storage: 1Gi
        ---
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata:
          name: cache
          annotations:
            orchestration.sdk/reclaim-policy: Delete
        spec:
          accessModes: [ReadWriteMany]
          storageClassName: local
          resources:
            requests:
              storage: 512Mi
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: nightly
        spec:
          schedule: "0 3 * * *"
          timeZone: Etc/UTC
          concurrencyPolicy: Forbid
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                  - name: report
                    image: report:1
        """;

    [Fact]
    public void AddManifests_DeclaresTheThreeKinds()
    {
        var objects = new AppDeclaration().AddManifestsFromText(Yaml, "stateful.yaml").Build();

        Assert.Equal(["StatefulSet/db", "PersistentVolumeClaim/cache", "CronJob/nightly"], objects.Select(o => $"{o.Kind}/{o.Metadata.Name}"));
        var set = Assert.IsType<StatefulSet>(objects[0]);
        var template = Assert.Single(set.Spec.VolumeClaimTemplates);
        Assert.Equal(("data", Quantity.Parse("1Gi")), (template.Name, template.Spec.StorageRequest));
        Assert.Equal("/var/lib/db", Assert.Single(set.Spec.Template.Spec.Containers[0].VolumeMounts).MountPath);
        var init = Assert.Single(set.Spec.Template.Spec.InitContainers);
        Assert.Equal(("migrate", "db-migrate:3"), (init.Name, init.Image));
        var claim = Assert.IsType<PersistentVolumeClaim>(objects[1]);
        Assert.Equal((PersistentVolumeReclaimPolicy.Delete, "local"), (claim.Spec.ReclaimPolicy, claim.Spec.StorageClassName));
        Assert.Equal([PersistentVolumeAccessMode.ReadWriteMany], claim.Spec.AccessModes);
        var cronJob = Assert.IsType<CronJob>(objects[2]);
        Assert.Equal(("0 3 * * *", "Etc/UTC", ConcurrencyPolicy.Forbid), (cronJob.Spec.Schedule, cronJob.Spec.TimeZone, cronJob.Spec.ConcurrencyPolicy));
    }

    [Fact]
    public void ExportThenImport_GivesBackAnEqualDeclaration()
    {
        var declaration = new AppDeclaration().AddManifestsFromText(Yaml, "stateful.yaml");
        var declared = declaration.Build();

        var exported = ManifestExporter.Export(declaration);
        var imported = new AppDeclaration().AddManifestsFromText(exported, "exported.yaml").Build();

        Assert.Contains("orchestration.sdk/reclaim-policy: Delete", exported, StringComparison.Ordinal);
        Assert.Contains("volumeClaimTemplates:", exported, StringComparison.Ordinal);
        Assert.Contains("initContainers:", exported, StringComparison.Ordinal);
        Assert.Equal(declared.Select(r => r.Key), imported.Select(r => r.Key));
        Assert.Equal(declared, imported);
    }
}

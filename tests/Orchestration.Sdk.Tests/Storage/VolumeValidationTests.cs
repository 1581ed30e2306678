using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Storage;
using Orchestration.Sdk.Tests.Declaration;
using static Orchestration.Sdk.Tests.Declaration.KubernetesMessages;

namespace Orchestration.Sdk.Tests.Storage;

/// <summary>A table of bad volumes, mounts and claims, each with the errors Kubernetes words for it.</summary>
public class VolumeValidationTests
{
    private const string Claim = "persistentvolumeclaims[data].spec";

    public static TheoryData<string, Action<AppDeclaration>, string[]> BadDeclarations => new()
    {
        {
            "volume name not a label",
            app => app.AddDeployment("web").WithImage("nginx").WithEmptyDir("Scratch_1", "/scratch"),
            [$"{WebC0}.volumeMounts[0].name: Not found: \"Scratch_1\"", $"{Web}.volumes[0].name: Invalid value: \"Scratch_1\": {Label1123}"]
        },
        {
            "two volumes with one name",
            app => app.AddDeployment("web").WithImage("nginx").WithEmptyDir("cache").WithEmptyDir("cache"),
            [$"{Web}.volumes[1].name: Duplicate value: \"cache\""]
        },
        {
            "mount of an undeclared volume",
            app => app.AddDeployment("web").WithImage("nginx").WithVolumeMount("cache", "/cache"),
            [$"{WebC0}.volumeMounts[0].name: Not found: \"cache\""]
        },
        {
            "relative mount path",
            app => app.AddDeployment("web").WithImage("nginx").WithEmptyDir("cache", "cache"),
            [$"{WebC0}.volumeMounts[0].mountPath: Invalid value: \"cache\": must be an absolute path"]
        },
        {
            "two mounts at one path",
            app => app.AddDeployment("web").WithImage("nginx").WithEmptyDir("a", "/data").WithEmptyDir("b", "/data/"),
            [$"{WebC0}.volumeMounts[1].mountPath: Invalid value: \"/data/\": must be unique"]
        },
        {
            "absolute sub path",
            app => app.AddDeployment("web").WithImage("nginx").WithEmptyDir("a").WithVolumeMount("a", "/data", subPath: "/etc"),
            [$"{WebC0}.volumeMounts[0].subPath: Invalid value: \"/etc\": must be a relative path"]
        },
        {
            "sub path leaving the volume",
            app => app.AddDeployment("web").WithImage("nginx").WithEmptyDir("a").WithVolumeMount("a", "/data", subPath: "x/../../etc"),
            [$"{WebC0}.volumeMounts[0].subPath: Invalid value: \"x/../../etc\": must not contain '..'"]
        },
        {
            "size limit that does not parse",
            app => app.AddDeployment("web").WithImage("nginx").WithEmptyDir("a", "/a", StorageMedium.Memory, "lots"),
            [$"{Web}.volumes[0].emptyDir.sizeLimit: Invalid value: \"lots\": {QuantityFormatRule}"]
        },
        {
            "negative size limit",
            app => app.AddDeployment("web").WithImage("nginx").WithEmptyDir("a", "/a", sizeLimit: "-1Mi"),
            [$"{Web}.volumes[0].emptyDir.sizeLimit: Invalid value: \"-1Mi\": must be greater than or equal to 0"]
        },
        {
            "claim name not a subdomain",
            app => app.AddDeployment("web").WithImage("nginx").WithPersistentVolumeClaim("data", "Data!", "/data"),
            [$"{Web}.volumes[0].persistentVolumeClaim.claimName: Invalid value: \"Data!\": {Subdomain1123}"]
        },
        {
            "relative host path",
            app => app.AddDeployment("web").WithImage("nginx").WithHostPath("logs", "var/log", "/logs"),
            [$"{Web}.volumes[0].hostPath.path: Invalid value: \"var/log\": must be an absolute path"]
        },
        {
            "negative partition",
            app => app.AddStatefulSet("db").WithImage("postgres:16").WithRollingUpdate(partition: -1),
            ["statefulsets[db].spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0"]
        },
        {
            "claim template of zero storage",
            app => app.AddStatefulSet("db").WithImage("postgres:16").WithVolumeClaimTemplate("data", "0", "/data"),
            ["statefulsets[db].spec.volumeClaimTemplates[0].spec.resources.requests[storage]: Invalid value: \"0\": must be greater than zero"]
        },
        {
            "claim without storage",
            app => app.AddPersistentVolumeClaim("data"),
            [$"{Claim}.resources[storage]: Required value"]
        },
        {
            "claim of zero storage",
            app => app.AddPersistentVolumeClaim("data").WithStorage("0"),
            [$"{Claim}.resources.requests[storage]: Invalid value: \"0\": must be greater than zero"]
        },
        {
            "ReadWriteOncePod with another mode",
            app => app.AddPersistentVolumeClaim("data").WithStorage("1Gi").WithAccessModes(PersistentVolumeAccessMode.ReadWriteOncePod, PersistentVolumeAccessMode.ReadOnlyMany),
            [$"{Claim}.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes"]
        },
        {
            "no access mode",
            app => app.AddPersistentVolumeClaim("data").WithStorage("1Gi").WithAccessModes(),
            [$"{Claim}.accessModes: Required value: at least 1 access mode is required"]
        },
        {
            "unknown access mode",
            app => app.AddPersistentVolumeClaim("data").WithStorage("1Gi").WithAccessModes((PersistentVolumeAccessMode)9),
            [$"{Claim}.accessModes: Unsupported value: \"9\": supported values: \"ReadWriteOnce\", \"ReadOnlyMany\", \"ReadWriteMany\", \"ReadWriteOncePod\""]
        },
    };

    [Theory]
    [MemberData(nameof(BadDeclarations))]
    public void Validate_BadDeclaration_ReportsKubernetesMessage(string problem, Action<AppDeclaration> declare, string[] expected)
    {
        var app = new AppDeclaration();
        declare(app);

        ValidationAssert.ReportsExactly(problem, app.Validate(), expected);
    }

    [Fact]
    public void Validate_VolumeWithoutOrWithTwoSources_ReportsVolumeType()
    {
        var spec = new PodSpec
        {
            Containers = [new Container { Name = "c", Image = "i" }],
            Volumes =
            [
                new Volume { Name = "none" },
                new Volume { Name = "two", EmptyDir = new(), HostPath = new HostPathVolumeSource { Path = "/tmp" } },
            ],
        };
        var errors = new List<ValidationError>();

        PodSpecValidator.Validate(spec, new FieldPath("spec"), errors);

        Assert.Equal(
            ["spec.volumes[0]: Required value: must specify a volume type", "spec.volumes[1].hostPath: Forbidden: may not specify more than 1 volume type"],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Build_VolumesAndClaim_ProduceKubernetesShapedObjects()
    {
        var app = new AppDeclaration();
        app.AddPersistentVolumeClaim("data").WithStorage("1Gi").WithReclaimPolicy(PersistentVolumeReclaimPolicy.Delete);
        app.AddDeployment("db").WithImage("postgres:16")
            .WithPersistentVolumeClaim("data", "data", "/var/lib/postgresql/data")
            .WithEmptyDir("shm", "/dev/shm", StorageMedium.Memory, "64Mi")
            .WithContainer("backup", c => c.WithImage("busybox").WithVolumeMount("data", "/backup/source", readOnly: true, subPath: "pgdata"));

        var objects = app.Build();

        var claim = Assert.Single(objects.OfType<PersistentVolumeClaim>());
        Assert.Equal([PersistentVolumeAccessMode.ReadWriteOnce], claim.Spec.AccessModes);
        Assert.Equal(Quantity.Parse("1Gi"), claim.Spec.StorageRequest);
        Assert.Equal(PersistentVolumeReclaimPolicy.Delete, claim.Spec.ReclaimPolicy);
        var spec = Assert.Single(objects.OfType<Deployment>()).Spec.Template.Spec;
        Assert.Equal(["data", "shm"], spec.Volumes.Select(v => v.Name));
        Assert.Equal(new EmptyDirVolumeSource { Medium = StorageMedium.Memory, SizeLimit = Quantity.Parse("64Mi") }, spec.Volumes[1].EmptyDir);
        Assert.Equal(["/var/lib/postgresql/data", "/dev/shm"], spec.Containers[0].VolumeMounts.Select(m => m.MountPath));
        Assert.Equal(new VolumeMount { Name = "data", MountPath = "/backup/source", ReadOnly = true, SubPath = "pgdata" }, Assert.Single(spec.Containers[1].VolumeMounts));
    }
}

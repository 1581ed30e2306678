using Orchestration.Sdk.Autoscaling;
using Orchestration.Sdk.Configuration;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Networking;

namespace Orchestration.Sdk.Tests.Kinds;

/// <summary>One valid object per built-in kind, and a change that makes it invalid with the field error it must give.</summary>
internal static class KindCases
{
    private static readonly Dictionary<string, string> App = new() { ["app"] = "web" };

    public static TheoryData<string> Names => [.. All.Keys];

    public static IReadOnlyDictionary<string, (Func<Resource> Valid, Func<Resource, Resource> Break, string Error)> All { get; } =
        new Dictionary<string, (Func<Resource>, Func<Resource, Resource>, string)>
        {
            ["Pod"] = (() => Pod(), r => (Pod)r with { Spec = ((Pod)r).Spec with { Containers = [new Container { Name = "c", Image = "" }] } },
                "pods[web].spec.containers[0].image: Required value"),
            ["Deployment"] = (Deployment, r => (Deployment)r with { Spec = ((Deployment)r).Spec with { Replicas = -1 } },
                "deployments[web].spec.replicas: Invalid value: -1: must be greater than or equal to 0"),
            ["ReplicaSet"] = (ReplicaSet, r => (ReplicaSet)r with { Spec = ((ReplicaSet)r).Spec with { Replicas = -3 } },
                "replicasets[web-5d8f].spec.replicas: Invalid value: -3: must be greater than or equal to 0"),
            ["Service"] = (Service, r => (Service)r with { Spec = ((Service)r).Spec with { Ports = [new ServicePort { Port = 80, NodePort = 30080 }] } },
                "services[web].spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"),
            ["Endpoints"] = (() => new Endpoints { Metadata = new ObjectMeta { Name = "web" } }, r => r.WithMetadata(r.Metadata with { Labels = new Dictionary<string, string> { ["bad key!"] = "x" } }),
                "endpoints[web].metadata.labels: Invalid value: \"bad key!\""),
            ["ConfigMap"] = (() => new ConfigMap { Metadata = new ObjectMeta { Name = "c" }, Data = new Dictionary<string, string> { ["a"] = "1" } },
                r => (ConfigMap)r with { Data = new Dictionary<string, string> { ["bad key!"] = "1" } }, "configmaps[c].data[bad key!]: Invalid value: \"bad key!\""),
            ["Secret"] = (() => new Secret { Metadata = new ObjectMeta { Name = "s" }, Data = new Dictionary<string, SecretValue> { ["a"] = SecretValue.FromString("1") } },
                r => (Secret)r with { Data = new Dictionary<string, SecretValue> { ["bad key!"] = SecretValue.FromString("1") } }, "secrets[s].data[bad key!]: Invalid value: \"bad key!\""),
            ["Node"] = (() => new Node { Metadata = new ObjectMeta { Name = "n1" } }, r => r.WithMetadata(r.Metadata with { Labels = new Dictionary<string, string> { ["a"] = new string('x', 64) } }),
                "nodes[n1].metadata.labels: Invalid value: \"" + new string('x', 64) + "\": must be no more than 63 characters"),
            ["Event"] = (Event, r => (Orchestration.Sdk.Events.Event)r with { Type = "Info" },
                "events[web-abc.1].type: Unsupported value: \"Info\": supported values: \"Normal\", \"Warning\""),
            ["HorizontalPodAutoscaler"] = (Autoscaler, r => (HorizontalPodAutoscaler)r with { Spec = ((HorizontalPodAutoscaler)r).Spec with { MinReplicas = -1 } },
                "horizontalpodautoscalers[web].spec.minReplicas: Invalid value: -1: must be greater than or equal to 0"),
            ["Job"] = (Job, r => (Job)r with { Spec = ((Job)r).Spec with { Parallelism = -1 } },
                "jobs[migrate].spec.parallelism: Invalid value: -1: must be greater than or equal to 0"),
            ["CronJob"] = (CronJob, r => (CronJob)r with { Spec = ((CronJob)r).Spec with { Schedule = "not a schedule" } },
                "cronjobs[nightly].spec.schedule: Invalid value: \"not a schedule\""),
            ["StatefulSet"] = (StatefulSet, r => (Orchestration.Sdk.StatefulSets.StatefulSet)r with { Spec = ((Orchestration.Sdk.StatefulSets.StatefulSet)r).Spec with { Replicas = -1 } },
                "statefulsets[db].spec.replicas: Invalid value: -1: must be greater than or equal to 0"),
            ["PersistentVolumeClaim"] = (Claim, r => (Orchestration.Sdk.Storage.PersistentVolumeClaim)r with { Spec = ((Orchestration.Sdk.Storage.PersistentVolumeClaim)r).Spec with { AccessModes = [] } },
                "persistentvolumeclaims[data].spec.accessModes: Required value"),
        };

    public static Pod Pod(string name = "web") => new()
    {
        Metadata = new ObjectMeta { Name = name, Labels = App },
        Spec = new PodSpec { Containers = [new Container { Name = "web", Image = "web:1" }] },
    };

    public static PodTemplateSpec Template() => new() { Labels = App, Spec = new PodSpec { Containers = [new Container { Name = "web", Image = "web:1" }] } };

    public static Deployment Deployment() => new()
    {
        Metadata = new ObjectMeta { Name = "web" },
        Spec = new DeploymentSpec { Replicas = 2, Selector = LabelSelector.Of(App), Template = Template() },
    };

    public static Job Job() => new()
    {
        Metadata = new ObjectMeta { Name = "migrate" },
        Spec = new JobSpec { Template = Template() with { Spec = Template().Spec with { RestartPolicy = RestartPolicy.Never } } },
    };

    public static CronJob CronJob() => new()
    {
        Metadata = new ObjectMeta { Name = "nightly" },
        Spec = new CronJobSpec { Schedule = "0 3 * * *", JobTemplate = new JobTemplateSpec { Spec = Job().Spec } },
    };

    public static Orchestration.Sdk.StatefulSets.StatefulSet StatefulSet() => new()
    {
        Metadata = new ObjectMeta { Name = "db" },
        Spec = new Orchestration.Sdk.StatefulSets.StatefulSetSpec { Replicas = 1, Selector = LabelSelector.Of(App), Template = Template() },
    };

    public static Orchestration.Sdk.Storage.PersistentVolumeClaim Claim() => new()
    {
        Metadata = new ObjectMeta { Name = "data" },
        Spec = new Orchestration.Sdk.Storage.PersistentVolumeClaimSpec { AccessModes = [Orchestration.Sdk.Storage.PersistentVolumeAccessMode.ReadWriteOnce], StorageRequest = Quantity.Parse("1Gi") },
    };

    public static ReplicaSet ReplicaSet() => new()
    {
        Metadata = new ObjectMeta { Name = "web-5d8f" },
        Spec = new ReplicaSetSpec { Replicas = 2, Selector = LabelSelector.Of(App), Template = Template() },
    };

    public static Service Service() => new()
    {
        Metadata = new ObjectMeta { Name = "web" },
        Spec = new ServiceSpec { Selector = App, Ports = [new ServicePort { Port = 80 }] },
    };

    public static Orchestration.Sdk.Events.Event Event() => new()
    {
        Metadata = new ObjectMeta { Name = "web-abc.1" },
        InvolvedObject = new Orchestration.Sdk.Events.ObjectReference { Kind = "Pod", Namespace = "default", Name = "web-abc" },
        Reason = "Started",
        Message = "Started container web",
    };

    public static HorizontalPodAutoscaler Autoscaler() => new()
    {
        Metadata = new ObjectMeta { Name = "web" },
        Spec = new HorizontalPodAutoscalerSpec { ScaleTargetName = "web", MaxReplicas = 4, Metrics = [new MetricSpec(MetricSourceType.Resource, MetricSpec.Cpu, MetricTarget.Utilization(80))] },
    };
}

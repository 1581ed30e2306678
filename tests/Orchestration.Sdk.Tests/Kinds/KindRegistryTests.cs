using Orchestration.Sdk.Autoscaling;
using Orchestration.Sdk.Configuration;
using Orchestration.Sdk.Kinds;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Networking;

namespace Orchestration.Sdk.Tests.Kinds;

public class KindRegistryTests
{
    private readonly KindRegistry _registry = KindRegistry.CreateDefault();

    [Theory]
    [InlineData("po", "Pod")]
    [InlineData("deploy", "Deployment")]
    [InlineData("rs", "ReplicaSet")]
    [InlineData("svc", "Service")]
    [InlineData("ep", "Endpoints")]
    [InlineData("cm", "ConfigMap")]
    [InlineData("no", "Node")]
    [InlineData("hpa", "HorizontalPodAutoscaler")]
    [InlineData("ev", "Event")]
    [InlineData("secrets", "Secret")]
    [InlineData("jobs", "Job")]
    [InlineData("cj", "CronJob")]
    [InlineData("DEPLOYMENTS", "Deployment")]
    [InlineData("deployment", "Deployment")]
    [InlineData("Endpoints", "Endpoints")]
    [InlineData("horizontalpodautoscaler", "HorizontalPodAutoscaler")]
    public void Find_ShortNamePluralSingularOrKind_ResolvesAsKubectl(string name, string kind) =>
        Assert.Equal(kind, _registry.Find(name)?.Kind);

    [Fact]
    public void Find_UnknownName_Null() => Assert.Null(_registry.Find("websites"));

    [Theory]
    [InlineData("Pod", "pods", "v1", true)]
    [InlineData("Service", "services", "v1", true)]
    [InlineData("Endpoints", "endpoints", "v1", true)]
    [InlineData("ConfigMap", "configmaps", "v1", true)]
    [InlineData("Secret", "secrets", "v1", true)]
    [InlineData("PersistentVolumeClaim", "persistentvolumeclaims", "v1", true)]
    [InlineData("Node", "nodes", "v1", false)]
    [InlineData("Event", "events", "v1", true)]
    [InlineData("Deployment", "deployments", "apps/v1", true)]
    [InlineData("ReplicaSet", "replicasets", "apps/v1", true)]
    [InlineData("StatefulSet", "statefulsets", "apps/v1", true)]
    [InlineData("HorizontalPodAutoscaler", "horizontalpodautoscalers", "autoscaling/v2", true)]
    [InlineData("Job", "jobs", "batch/v1", true)]
    public void TryGet_BuiltInKind_KubernetesNamesAndGroup(string kind, string plural, string apiVersion, bool namespaced)
    {
        Assert.True(_registry.TryGet(kind, out var rule));
        Assert.Equal(plural, rule.Plural);
        Assert.Equal(apiVersion, rule.ApiVersion);
        Assert.Equal(namespaced, rule.Namespaced);
    }

    [Fact]
    public void Get_ByType_TheTypedRule()
    {
        Assert.Equal(typeof(Pod), _registry.Get<Pod>().ClrType);
        Assert.Equal("Service", _registry.Get<Service>().Kind);
        Assert.Equal(14, _registry.All.Count);
        Assert.Equal(KindCases.All.Keys.Order(), _registry.All.Select(r => r.Kind).Order()); // every kind has a validation case
    }

    [Fact]
    public void Get_UnknownKind_UnknownKindException()
    {
        var ex = Assert.Throws<UnknownKindException>(() => _registry.Get("Website"));

        Assert.Equal("Website", ex.Kind);
        Assert.Contains("no kind \"Website\" is registered", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_NameTakenByAnotherKind_Refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => _registry.Register(new ClashingRule()));

        Assert.Contains("name \"po\" of kind \"Website\" is already used by kind \"Pod\"", ex.Message, StringComparison.Ordinal);
        Assert.Null(_registry.Find("Website"));
    }

    [Theory]
    [InlineData("pods", "Name,Ready,Status,Restarts,Age", "IP,Node")]
    [InlineData("deployments", "Name,Ready,Up-to-date,Available,Age", "")]
    [InlineData("replicasets", "Name,Desired,Current,Ready,Age", "")]
    [InlineData("services", "Name,Type,Cluster-IP,External-IP,Port(s),Age", "")]
    [InlineData("endpoints", "Name,Endpoints,Age", "")]
    [InlineData("nodes", "Name,Status,Roles,Age,Version", "")]
    [InlineData("configmaps", "Name,Data,Age", "")]
    [InlineData("secrets", "Name,Type,Data,Age", "")]
    [InlineData("hpa", "Name,Reference,Targets,MinPods,MaxPods,Replicas,Age", "")]
    [InlineData("ev", "Last Seen,Type,Reason,Object,Message", "Subobject,Source,First Seen,Count,Name")]
    public void PrintColumns_BuiltInKind_TheColumnsOfARealCluster(string kind, string columns, string wide)
    {
        var rule = _registry.Find(kind)!;

        Assert.Equal(columns, string.Join(',', rule.PrintColumns.Where(c => c.Priority == 0).Select(c => c.Name)));
        Assert.Equal(wide, string.Join(',', rule.PrintColumns.Where(c => c.Priority == 1).Select(c => c.Name)));
    }

    [Fact]
    public void PrintColumns_Pod_CellsAsKubectlPrintsThem()
    {
        var pod = new Pod
        {
            Metadata = new ObjectMeta { Name = "web-1" },
            Spec = new PodSpec { Containers = [new Container { Name = "a", Image = "a" }, new Container { Name = "b", Image = "b" }], NodeName = "n1" },
            Status = new PodStatus
            {
                Phase = PodPhase.Running,
                PodIP = "10.0.0.7",
                ContainerStatuses = [new ContainerStatus { Name = "a", State = ContainerState.RunningSince(default), Ready = true, RestartCount = 2 }, new ContainerStatus { Name = "b", State = ContainerState.WaitingFor("CrashLoopBackOff"), RestartCount = 1 }],
            },
        };

        var cells = _registry.Get<Pod>().PrintColumns.Select(c => c.Value(pod)?.ToString()).ToList();

        Assert.Equal(["web-1", "1/2", "CrashLoopBackOff", "3", pod.Metadata.CreationTimestamp.ToString(), "10.0.0.7", "n1"], cells);
    }

    [Fact]
    public void PrintColumns_Service_PortsWithNodePorts()
    {
        var service = new Service
        {
            Metadata = new ObjectMeta { Name = "web" },
            Spec = new ServiceSpec { Type = ServiceType.NodePort, ClusterIP = "10.96.0.10", Ports = [new ServicePort { Name = "http", Port = 80, NodePort = 30080 }, new ServicePort { Name = "dns", Port = 53, Protocol = "UDP" }] },
        };

        var cells = _registry.Get<Service>().PrintColumns.Skip(1).Take(4).Select(c => c.Value(service)).ToList();

        Assert.Equal(["NodePort", "10.96.0.10", "<none>", "80:30080/TCP,53/UDP"], cells);
    }

    [Fact]
    public void PrintColumns_ConfigSecretAndAutoscaler_Cells()
    {
        var config = new ConfigMap { Metadata = new ObjectMeta { Name = "c" }, Data = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" } };
        var hpa = new HorizontalPodAutoscaler
        {
            Metadata = new ObjectMeta { Name = "web" },
            Spec = new HorizontalPodAutoscalerSpec { ScaleTargetName = "web", MinReplicas = 2, MaxReplicas = 5, Metrics = [new MetricSpec(MetricSourceType.Resource, MetricSpec.Cpu, MetricTarget.Utilization(80))] },
            Status = new HorizontalPodAutoscalerStatus { CurrentReplicas = 3, CurrentMetrics = [new MetricStatus(MetricSpec.Cpu, 40, 0.4m)] },
        };

        Assert.Equal(2, _registry.Get<ConfigMap>().PrintColumns[1].Value(config));
        Assert.Equal(["web", "Deployment/web", "cpu: 40%/80%", 2, 5, 3], _registry.Get<HorizontalPodAutoscaler>().PrintColumns.Take(6).Select(c => c.Value(hpa)));
    }

    private sealed record Website : Resource
    {
        public override string Kind => "Website";

        internal override object? SpecObject => null;

        internal override object? StatusObject => null;

        internal override Resource WithStatusOf(Resource other) => this;
    }

    private sealed class ClashingRule : KindRule<Website>
    {
        public override string Kind => "Website";

        public override string Plural => "websites";

        public override IReadOnlyList<string> ShortNames => ["po"];
    }
}

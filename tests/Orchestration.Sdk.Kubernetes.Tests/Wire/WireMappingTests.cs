using System.Text.Json;
using System.Text.Json.Nodes;
using k8s.Models;
using Orchestration.Sdk.Configuration;
using Orchestration.Sdk.Kubernetes.Wire;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Networking;

namespace Orchestration.Sdk.Kubernetes.Tests.Wire;

public sealed class WireMappingTests
{
    private static readonly DateTimeOffset Created = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    [Fact]
    public void Deployment_SdkToWireToSdk_IsEqual()
    {
        var deployment = new Deployment
        {
            Metadata = new ObjectMeta { Name = "web", Labels = new Dictionary<string, string> { ["app"] = "web" }, Uid = "u1", ResourceVersion = 7, Generation = 2, CreationTimestamp = Created },
            Spec = new DeploymentSpec
            {
                Replicas = 3,
                Selector = LabelSelector.Of(new Dictionary<string, string> { ["app"] = "web" }),
                Strategy = new DeploymentStrategy { MaxSurge = IntOrPercent.FromCount(1), MaxUnavailable = IntOrPercent.FromPercent(10) },
                Template = new PodTemplateSpec
                {
                    Labels = new Dictionary<string, string> { ["app"] = "web" },
                    Spec = new PodSpec
                    {
                        Containers =
                        [
                            new Container
                            {
                                Name = "web",
                                Image = "shop-web:2",
                                Env = [new EnvVar("MODE", "prod"), new EnvVar("PW", string.Empty) { ValueFrom = new EnvVarSource { SecretKeyRef = new KeySelector("db", "password") } }],
                                EnvFrom = [new EnvFromSource { ConfigMapName = "settings" }],
                                Ports = [new ContainerPort(8080, "http")],
                                Resources = new ResourceRequirements { Requests = new ResourceList { Cpu = "500m", Memory = "256Mi" } },
                                ReadinessProbe = Probe.ForHttpGet("/healthz", "http"),
                                LivenessProbe = Probe.ForTcpSocket(8080),
                                ConfigFiles = [new ConfigFileMount { MountPath = "/etc/app", ConfigMapName = "settings" }],
                            },
                        ],
                    },
                },
            },
            Status = new DeploymentStatus { ObservedGeneration = 2, Replicas = 3, ReadyReplicas = 2, AvailableReplicas = 2, UpdatedReplicas = 3 },
        };

        var back = WorkloadMapper.FromWire(WorkloadMapper.ToWire(deployment));

        Assert.Equal(Sdk(deployment), Sdk(back));
    }

    [Fact]
    public void Service_SdkToWireToSdk_IsEqual()
    {
        var service = new Service
        {
            Metadata = new ObjectMeta { Name = "web", CreationTimestamp = Created },
            Spec = new ServiceSpec
            {
                Selector = new Dictionary<string, string> { ["app"] = "web" },
                Ports = [new ServicePort { Name = "http", Port = 80, TargetPortName = "http" }, new ServicePort { Port = 443, TargetPort = 8443, NodePort = 30443 }],
                Type = ServiceType.NodePort,
                ClusterIP = "10.96.0.9",
            },
        };

        Assert.Equal(Sdk(service), Sdk(ServiceMapper.FromWire(ServiceMapper.ToWire(service))));
    }

    [Fact]
    public void Secret_StringDataAndData_AreMergedIntoData()
    {
        var wire = new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "db" },
            Data = new Dictionary<string, byte[]> { ["user"] = "admin"u8.ToArray() },
            StringData = new Dictionary<string, string> { ["password"] = "s3cr3t" },
        };

        var secret = ConfigMapper.FromWire(wire);

        Assert.Equal("admin", secret.Data["user"].GetString());
        Assert.Equal("s3cr3t", secret.Data["password"].GetString());
        Assert.Equal(Secret.OpaqueType, secret.Type);
        Assert.Equal("czNjcjN0", JsonNode.Parse(WireJson.Serialize(ConfigMapper.ToWire(secret)))!["data"]!["password"]!.GetValue<string>());
    }

    [Fact]
    public void Deployment_DocsManifest_MapsWithKubernetesDefaultsAndWritesAsKubernetes()
    {
        const string Manifest = """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"nginx-deployment","labels":{"app":"nginx"}},
             "spec":{"replicas":3,"selector":{"matchLabels":{"app":"nginx"}},
             "template":{"metadata":{"labels":{"app":"nginx"}},
             "spec":{"containers":[{"name":"nginx","image":"nginx:1.14.2","ports":[{"containerPort":80}],
               "resources":{"limits":{"cpu":"0.5","memory":"128Mi"}}}]}}}}
            """;
        var wire = (V1Deployment)WireJson.Deserialize(Manifest, typeof(V1Deployment), out var unknown);

        var deployment = WorkloadMapper.FromWire(wire);
        var json = JsonNode.Parse(WireJson.Serialize(WorkloadMapper.ToWire(deployment with
        {
            Metadata = deployment.Metadata with { CreationTimestamp = Created },
        })))!;

        Assert.Empty(unknown);
        Assert.Equal("default", deployment.Metadata.Namespace);
        Assert.Equal(3, deployment.Spec.Replicas);
        Assert.Equal(RestartPolicy.Always, deployment.Spec.Template.Spec.RestartPolicy);
        Assert.Equal("500m", deployment.Spec.Template.Spec.Containers[0].Resources.Limits.Cpu.ToString());
        Assert.Equal("25%", json["spec"]!["strategy"]!["rollingUpdate"]!["maxSurge"]!.GetValue<string>());
        Assert.Equal("2026-03-04T05:06:07Z", json["metadata"]!["creationTimestamp"]!.GetValue<string>());
        Assert.Equal(80, json["spec"]!["template"]!["spec"]!["containers"]![0]!["ports"]![0]!["containerPort"]!.GetValue<int>());
        Assert.Equal("128Mi", json["spec"]!["template"]!["spec"]!["containers"]![0]!["resources"]!["limits"]!["memory"]!.GetValue<string>());

        // Kubernetes omits empty fields: no replica counts in a new deployment's status, no empty env or command.
        Assert.Null(json["status"]!["readyReplicas"]);
        Assert.Null(json["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]);
        Assert.Null(json["metadata"]!["annotations"]);
    }

    [Fact]
    public void Deserialize_UnknownFields_AreNamedByTheirPath()
    {
        const string Json = """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","colour":"red"},"spec":{"foo":1,"template":{"spec":{"containers":[{"name":"a","image":"b","imagePolicy":"x"}]}}}}""";

        WireJson.Deserialize(Json, typeof(V1Deployment), out var unknown);

        Assert.Equal(["metadata.colour", "spec.foo", "spec.template.spec.containers[0].imagePolicy"], unknown);
    }

    [Fact]
    public void Pod_StatusRoundTrip_KeepsPhaseConditionsAndContainerStates()
    {
        var pod = new Pod
        {
            Metadata = new ObjectMeta { Name = "web-1", CreationTimestamp = Created },
            Spec = new PodSpec { Containers = [new Container { Name = "web", Image = "nginx" }], NodeName = "node-1" },
            Status = new PodStatus
            {
                Phase = PodPhase.Running,
                PodIP = "10.244.0.5",
                Conditions = [new Condition(PodConditionType.Ready, ConditionStatus.True, LastTransitionTime: Created)],
                ContainerStatuses = [new ContainerStatus { Name = "web", Ready = true, RestartCount = 2, State = ContainerState.RunningSince(Created), Image = "nginx" }],
            },
        };

        Assert.Equal(Sdk(pod), Sdk(PodMapper.FromWire(PodMapper.ToWire(pod))));
    }

    private static string Sdk(object value) => JsonSerializer.Serialize(value, value.GetType());
}

using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Tests.Declaration;

/// <summary>Validation of model objects, as the imperative client applies them (rules a builder cannot break).</summary>
public class ResourceValidatorTests
{
    private const string Subdomain1123 = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    private static readonly Dictionary<string, string> AppWeb = new() { ["app"] = "web" };

    public static TheoryData<string, Resource, string[]> BadObjects => new()
    {
        {
            "deployment without containers",
            NewDeployment() with { Spec = NewDeployment().Spec with { Template = NewDeployment().Spec.Template with { Spec = new PodSpec() } } },
            ["deployments[web].spec.template.spec.containers: Required value"]
        },
        {
            "deployment with an empty selector",
            NewDeployment() with { Spec = NewDeployment().Spec with { Selector = new LabelSelector() } },
            ["deployments[web].spec.selector: Required value"]
        },
        {
            "deployment whose pods restart Never",
            NewDeployment() with { Spec = NewDeployment().Spec with { Template = NewDeployment().Spec.Template with { Spec = NewPodSpec() with { RestartPolicy = RestartPolicy.Never } } } },
            ["deployments[web].spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\""]
        },
        {
            "deployment selector not matching two template labels",
            NewDeployment() with
            {
                Spec = NewDeployment().Spec with
                {
                    Selector = LabelSelector.Of(new Dictionary<string, string> { ["app"] = "web", ["tier"] = "front" }),
                    Template = NewDeployment().Spec.Template with { Labels = new Dictionary<string, string> { ["tier"] = "back", ["app"] = "web" } },
                },
            },
            ["deployments[web].spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\", \"tier\":\"back\"}: `selector` does not match template `labels`"]
        },
        {
            "pod without namespace",
            NewPod() with { Metadata = NewPod().Metadata with { Namespace = string.Empty } },
            ["pods[db].metadata.namespace: Required value"]
        },
        {
            "pod with a bad node name",
            NewPod() with { Spec = NewPodSpec() with { NodeName = "Node_1" } },
            [$"pods[db].spec.nodeName: Invalid value: \"Node_1\": {Subdomain1123}"]
        },
        {
            "pod with an undefined restart policy",
            NewPod() with { Spec = NewPodSpec() with { RestartPolicy = (RestartPolicy)7 } },
            ["pods[db].spec.restartPolicy: Unsupported value: \"7\": supported values: \"Always\", \"OnFailure\", \"Never\""]
        },
        {
            "pod port without protocol",
            NewPod() with { Spec = NewPodSpec() with { Containers = [new Container { Name = "db", Image = "postgres", Ports = [new ContainerPort(5432, Protocol: string.Empty)] }] } },
            ["pods[db].spec.containers[0].ports[0].protocol: Required value"]
        },
        {
            "replica set with negative replicas",
            new ReplicaSet { Metadata = new ObjectMeta { Name = "web-7c9d5" }, Spec = new ReplicaSetSpec { Replicas = -2, Selector = LabelSelector.Of(AppWeb), Template = NewDeployment().Spec.Template } },
            ["replicasets[web-7c9d5].spec.replicas: Invalid value: -2: must be greater than or equal to 0"]
        },
        {
            "node with a bad name",
            new Node { Metadata = new ObjectMeta { Name = "node_1", Namespace = string.Empty } },
            [$"nodes[node_1].metadata.name: Invalid value: \"node_1\": {Subdomain1123}"]
        },
        {
            "node with negative capacity",
            new Node
            {
                Metadata = new ObjectMeta { Name = "n1" },
                Status = new NodeStatus { Capacity = new NodeResources { Cpu = Quantity.Parse("-1"), Memory = Quantity.Parse("8Gi"), Pods = -1 } },
            },
            [
                "nodes[n1].status.capacity[cpu]: Invalid value: \"-1\": must be greater than or equal to 0",
                "nodes[n1].status.capacity[pods]: Invalid value: -1: must be greater than or equal to 0",
            ]
        },
        {
            "node with negative allocatable memory",
            new Node { Metadata = new ObjectMeta { Name = "n1" }, Status = new NodeStatus { Allocatable = new NodeResources { Memory = Quantity.Parse("-512Mi") } } },
            ["nodes[n1].status.allocatable[memory]: Invalid value: \"-512Mi\": must be greater than or equal to 0"]
        },
        {
            "node with a duplicate taint",
            new Node
            {
                Metadata = new ObjectMeta { Name = "n1" },
                Spec = new NodeSpec { Taints = [new Taint("dedicated", "db", TaintEffect.NoSchedule), new Taint("dedicated", "web", TaintEffect.NoSchedule)] },
            },
            ["nodes[n1].spec.taints[1]: Duplicate value: \"dedicated=web:NoSchedule\": taints must be unique by key and effect pair"]
        },
    };

    [Theory]
    [MemberData(nameof(BadObjects))]
    public void Validate_BadObject_ReportsKubernetesMessage(string problem, Resource resource, string[] expected)
    {
        var errors = ResourceValidator.Validate(resource);

        ValidationAssert.ReportsExactly(problem, errors, expected);
    }

    public static TheoryData<Resource> ValidObjects => new()
    {
        NewDeployment(),
        NewPod(),
        NewPod() with { Metadata = NewPod().Metadata with { Name = new string('a', 63) } },
        new ReplicaSet { Metadata = new ObjectMeta { Name = new string('w', 63) + "-7c9d5f8b4" }, Spec = new ReplicaSetSpec { Selector = LabelSelector.Of(AppWeb), Template = NewDeployment().Spec.Template } },
        new Node { Metadata = new ObjectMeta { Name = "node-1.example.com" }, Status = new NodeStatus { Capacity = new NodeResources { Cpu = Quantity.Parse("4"), Memory = Quantity.Parse("8Gi") } } },
        new Node { Metadata = new ObjectMeta { Name = "n1" }, Spec = new NodeSpec { Taints = [new Taint("dedicated", "db", TaintEffect.NoSchedule), new Taint("dedicated", "db", TaintEffect.NoExecute)] } },
        NewPod() with { Spec = NewPodSpec() with { Tolerations = [new Toleration { Operator = TolerationOperator.Exists }], NodeName = "n1" } },
    };

    [Theory]
    [MemberData(nameof(ValidObjects))]
    public void Validate_ValidObject_ReportsNothing(Resource resource)
    {
        Assert.Empty(ResourceValidator.Validate(resource));
    }

    [Fact]
    public void Validate_NamespaceSkipped_DoesNotReportIt()
    {
        var pod = NewPod() with { Metadata = NewPod().Metadata with { Namespace = "Bad_NS" } };

        Assert.Single(ResourceValidator.Validate(pod));
        Assert.Empty(ResourceValidator.Validate(pod, validateNamespace: false));
    }

    [Fact]
    public void ValidationError_ToString_IsFieldColonMessage()
    {
        var error = new ValidationError("deployments[web].spec.replicas", "Invalid value: -1: must be greater than or equal to 0");

        Assert.Equal("deployments[web].spec.replicas: Invalid value: -1: must be greater than or equal to 0", error.ToString());
    }

    [Fact]
    public void Exception_FromErrors_ListsThemOnePerLine()
    {
        var ex = new DeclarationValidationException([new ValidationError("a", "Required value"), new ValidationError("b", "Duplicate value: \"x\"")]);

        Assert.Equal("The declaration is invalid (2 errors):\na: Required value\nb: Duplicate value: \"x\"", ex.Message);
        Assert.Equal(2, ex.Errors.Count);
        Assert.Empty(new DeclarationValidationException("custom").Errors);
    }

    private static Deployment NewDeployment() => new()
    {
        Metadata = new ObjectMeta { Name = "web", Labels = AppWeb },
        Spec = new DeploymentSpec
        {
            Selector = LabelSelector.Of(AppWeb),
            Template = new PodTemplateSpec { Labels = AppWeb, Spec = NewPodSpec() },
        },
    };

    private static Pod NewPod() => new() { Metadata = new ObjectMeta { Name = "db" }, Spec = NewPodSpec() };

    private static PodSpec NewPodSpec() => new() { Containers = [new Container { Name = "main", Image = "nginx" }] };
}

using Orchestration.Sdk.Declaration;
using static Orchestration.Sdk.Tests.Declaration.KubernetesMessages;

namespace Orchestration.Sdk.Tests.Declaration;

/// <summary>A table of bad declarations (names, namespace, labels, replicas, duplicates), each with the exact errors Kubernetes would word.</summary>
public class DeclarationValidationTests
{
    public static TheoryData<string, Action<AppDeclaration>, string[]> BadDeclarations => new()
    {
        {
            "name not a DNS-1123 subdomain",
            app => app.AddDeployment("Web_1").WithImage("nginx"),
            [
                $"deployments[Web_1].metadata.name: Invalid value: \"Web_1\": {Subdomain1123}",
                $"deployments[Web_1].spec.template.spec.containers[0].name: Invalid value: \"Web_1\": {Label1123}",
            ]
        },
        {
            "service name with dots (Services stay DNS-1035 labels)",
            app => app.AddService("web.v1").WithPort(80),
            ["services[web.v1].metadata.name: Invalid value: \"web.v1\": " + Label1035]
        },
        {
            "empty name",
            app => app.AddPod(string.Empty).WithImage("nginx"),
            [
                "pods[].metadata.name: Required value: name or generateName is required",
                "pods[].spec.containers[0].name: Required value",
            ]
        },
        {
            "pod name not a subdomain",
            app => app.AddPod("DB").WithImage("postgres:16"),
            [
                $"pods[DB].metadata.name: Invalid value: \"DB\": {Subdomain1123}",
                $"pods[DB].spec.containers[0].name: Invalid value: \"DB\": {Label1123}",
            ]
        },
        {
            "invalid namespace",
            app =>
            {
                app.Namespace = "Prod";
                app.AddDeployment("web").WithImage("nginx");
            },
            [$"namespace: Invalid value: \"Prod\": {Label1123}"]
        },
        {
            "empty namespace",
            app =>
            {
                app.Namespace = string.Empty;
                app.AddDeployment("web").WithImage("nginx");
            },
            ["namespace: Required value"]
        },
        {
            "negative replicas",
            app => app.AddDeployment("web").WithImage("nginx").WithReplicas(-1),
            ["deployments[web].spec.replicas: Invalid value: -1: must be greater than or equal to 0"]
        },
        {
            "negative revision history limit",
            app => app.AddDeployment("web").WithImage("nginx").WithRevisionHistoryLimit(-1),
            ["deployments[web].spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0"]
        },
        {
            "app label overridden so the selector no longer matches",
            app => app.AddDeployment("web").WithImage("nginx").WithLabel("app", "x"),
            ["deployments[web].spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"x\"}: `selector` does not match template `labels`"]
        },
        {
            "bad label key",
            app => app.AddDeployment("web").WithImage("nginx").WithLabel("bad key", "v"),
            [
                $"deployments[web].metadata.labels: Invalid value: \"bad key\": {LabelKeyName}",
                $"deployments[web].spec.template.metadata.labels: Invalid value: \"bad key\": {LabelKeyName}",
            ]
        },
        {
            "bad label value on a pod",
            app => app.AddPod("db").WithImage("postgres:16").WithLabel("tier", "-db"),
            [$"pods[db].metadata.labels: Invalid value: \"-db\": {LabelValue}"]
        },
        {
            "label key with an empty prefix",
            app => app.AddPod("db").WithImage("postgres:16").WithLabel("/tier", "db"),
            ["pods[db].metadata.labels: Invalid value: \"/tier\": prefix part must be non-empty"]
        },
        {
            "bad annotation key",
            app => app.AddPod("db").WithImage("postgres:16").WithAnnotation("a b", "c"),
            [$"pods[db].metadata.annotations: Invalid value: \"a b\": {LabelKeyName}"]
        },
        {
            "two deployments with one name",
            app =>
            {
                app.AddDeployment("web").WithImage("nginx");
                app.AddDeployment("web").WithImage("nginx:2");
            },
            ["deployments[web]: Duplicate value: \"web\""]
        },
        {
            "two pods with one name",
            app =>
            {
                app.AddPod("db").WithImage("postgres:16");
                app.AddPod("db").WithImage("postgres:17");
            },
            ["pods[db]: Duplicate value: \"db\""]
        },
    };

    [Theory]
    [MemberData(nameof(BadDeclarations))]
    public void Validate_BadDeclaration_ReportsKubernetesMessage(string problem, Action<AppDeclaration> declare, string[] expected)
    {
        var app = new AppDeclaration();
        declare(app);

        var errors = app.Validate();

        ValidationAssert.ReportsExactly(problem, errors, expected);
    }

    [Theory]
    [MemberData(nameof(BadDeclarations))]
    public void Build_BadDeclaration_ThrowsWithTheSameErrors(string problem, Action<AppDeclaration> declare, string[] expected)
    {
        Assert.NotEmpty(problem);
        ValidationAssert.BuildThrowsExactly(declare, expected);
    }

    [Fact]
    public void Validate_NameLongerThan253_ReportsTheSubdomainLength()
    {
        var name = new string('a', 254);
        var app = new AppDeclaration();
        app.AddDeployment(name).WithImage("nginx");

        var errors = app.Validate().Select(e => e.ToString()).ToList();

        Assert.Contains($"deployments[{name}].metadata.name: Invalid value: \"{name}\": must be no more than 253 characters", errors);
    }

    public static TheoryData<string> SubdomainNames => new()
    {
        "web.v1",
        "a-very-long-deployment-name-that-is-longer-than-a-label.example.internal.v1",
        string.Join('.', Enumerable.Repeat(new string('x', 62), 4)) + ".y", // 253 characters
    };

    [Theory]
    [MemberData(nameof(SubdomainNames))]
    public void Validate_SubdomainNamesForDeploymentPodConfigMapSecret_AreValid(string name)
    {
        // Kubernetes: Deployment, ReplicaSet, Pod, ConfigMap and Secret names are DNS-1123 subdomains.
        var app = new AppDeclaration();
        app.AddConfigMap(name).WithValue("k", "v");
        app.AddSecret(name).WithValue("k", "v");
        app.AddDeployment(name).WithImage("nginx").WithEnvironmentFromConfigMap(name).WithEnvironmentFromSecret(name);
        app.AddPod(name).WithImage("nginx");

        Assert.Empty(app.Validate());
        var deployment = app.Build().OfType<Orchestration.Sdk.Model.Deployment>().Single();
        var container = Assert.Single(deployment.Spec.Template.Spec.Containers);
        Assert.True(container.Name.Length <= 63);
        Assert.DoesNotContain('.', container.Name);
        Assert.True(deployment.Spec.Selector.MatchLabels["app"].Length <= 63);
    }

    [Fact]
    public void Validate_SameNameForDeploymentAndPod_IsValid()
    {
        var app = new AppDeclaration();
        app.AddDeployment("web").WithImage("nginx");
        app.AddPod("web").WithImage("nginx");

        Assert.Empty(app.Validate());
    }
}
